package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;

/** {@code add g…}: activates groups from the last parsed configuration. */
final class AddCommand implements Command {
    private final ProcessManager manager;

    AddCommand(ProcessManager manager) {
        this.manager = manager;
    }

    @Override
    public String name() {
        return "add";
    }

    @Override
    public void run(String arg, Output out) {
        for (String name : PyText.split(arg)) {
            try {
                manager.addProcessGroup(name);
            } catch (SupervisorException e) {
                switch (e.fault()) {
                    case SHUTDOWN_STATE -> fail("ERROR: shutting down", out);
                    // the reference leaves the exit status alone here
                    case ALREADY_ADDED -> out.println("ERROR: process group already active");
                    case BAD_NAME -> fail("ERROR: no such process/group: " + name, out);
                    default -> throw e;
                }
                continue;
            }
            out.println(name + ": added process group");
        }
    }

    private static void fail(String message, Output out) {
        out.println(message);
        out.status(ExitStatus.GENERIC);
    }
}
