package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;

/** {@code reload}: restarts supervisord in place. Never asks for confirmation (non-interactive rules). */
final class ReloadCommand implements Command {
    private final ProcessManager manager;

    ReloadCommand(ProcessManager manager) {
        this.manager = manager;
    }

    @Override
    public String name() {
        return "reload";
    }

    @Override
    public void run(String arg, Output out) {
        if (Command.rejectsArguments(name(), arg, out)) {
            return;
        }
        try {
            manager.restart();
        } catch (SupervisorException e) {
            out.status(ExitStatus.GENERIC);
            if (e.fault() != Fault.SHUTDOWN_STATE) {
                throw e;
            }
            out.println("ERROR: already shutting down");
            return;
        }
        out.println("Restarted supervisord");
    }
}
