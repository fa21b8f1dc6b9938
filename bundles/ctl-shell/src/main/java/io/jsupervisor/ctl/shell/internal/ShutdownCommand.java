package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;

/** {@code shutdown}: stops supervisord. Never asks for confirmation (non-interactive rules). */
final class ShutdownCommand implements Command {
    private final ProcessManager manager;

    ShutdownCommand(ProcessManager manager) {
        this.manager = manager;
    }

    @Override
    public String name() {
        return "shutdown";
    }

    @Override
    public void run(String arg, Output out) {
        if (Command.rejectsArguments(name(), arg, out)) {
            return;
        }
        try {
            manager.shutdown();
        } catch (SupervisorException e) {
            if (e.fault() != Fault.SHUTDOWN_STATE) {
                throw e;
            }
            // the reference prints this but leaves the exit status at 0
            out.println("ERROR: already shutting down");
            return;
        }
        out.println("Shut down");
    }
}
