package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ConnectionFailure;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Session;
import java.util.Locale;

/** {@code shutdown}: stops supervisord. Asks first in the interactive shell. */
final class ShutdownCommand implements Command {
    private final ProcessManager manager;
    private final Session session;

    ShutdownCommand(ProcessManager manager, Session session) {
        this.manager = manager;
        this.session = session;
    }

    @Override
    public String name() {
        return "shutdown";
    }

    /** Asked only in the interactive shell; anything but y… means no, silently. */
    private boolean confirmed() {
        if (!session.interactive()) {
            return true;
        }
        String answer = session.readLine("Really shut the remote supervisord process down y/N? ");
        return answer != null && answer.toLowerCase(Locale.ROOT).startsWith("y");
    }

    @Override
    public void run(String arg, Output out) {
        if (Command.rejectsArguments(name(), arg, out) || !confirmed()) {
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
        } catch (ConnectionFailure e) {
            out.status(ExitStatus.GENERIC);
            switch (e.kind()) {
                case REFUSED -> out.println("ERROR: " + session.serverUrl() + " refused connection (already shut down?)");
                case NO_SUCH_FILE -> out.println("ERROR: " + session.serverUrl() + " no such file (already shut down?)");
                default -> throw e;
            }
            return;
        }
        out.println("Shut down");
    }
}
