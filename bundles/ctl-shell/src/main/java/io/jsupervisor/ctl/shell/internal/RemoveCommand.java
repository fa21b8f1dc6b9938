package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;

/** {@code remove g…}: removes stopped groups from the running configuration. */
final class RemoveCommand implements Command {
    private final ProcessManager manager;

    RemoveCommand(ProcessManager manager) {
        this.manager = manager;
    }

    @Override
    public String name() {
        return "remove";
    }

    @Override
    public void run(String arg, Output out) {
        for (String name : PyText.split(arg)) {
            try {
                manager.removeProcessGroup(name);
            } catch (SupervisorException e) {
                out.status(ExitStatus.GENERIC);
                switch (e.fault()) {
                    case STILL_RUNNING -> out.println("ERROR: process/group still running: " + name);
                    case BAD_NAME -> out.println("ERROR: no such process/group: " + name);
                    default -> throw e;
                }
                continue;
            }
            out.println(name + ": removed process group");
        }
    }
}
