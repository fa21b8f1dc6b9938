package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ReloadResult;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;

/** {@code reread}: re-parses the configuration and lists what changed, applying nothing. */
final class RereadCommand implements Command {
    private final ProcessManager manager;

    RereadCommand(ProcessManager manager) {
        this.manager = manager;
    }

    @Override
    public String name() {
        return "reread";
    }

    @Override
    public void run(String arg, Output out) {
        if (Command.rejectsArguments(name(), arg, out)) {
            return;
        }
        ReloadResult result;
        try {
            result = manager.reloadConfig();
        } catch (SupervisorException e) {
            out.status(ExitStatus.GENERIC);
            switch (e.fault()) {
                case SHUTDOWN_STATE -> out.println("ERROR: supervisor shutting down");
                case CANT_REREAD -> out.println("ERROR: " + e.getMessage());
                default -> throw e;
            }
            return;
        }
        out.println(ConfigText.changes(result));
    }
}
