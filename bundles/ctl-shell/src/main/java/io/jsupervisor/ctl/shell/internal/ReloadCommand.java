package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.Session;
import java.util.Locale;
import io.jsupervisor.ctl.shell.ExitStatus;

/** {@code reload}: restarts supervisord in place. Asks first in the interactive shell. */
final class ReloadCommand implements Command {
    private final ProcessManager manager;
    private final Session session;

    ReloadCommand(ProcessManager manager, Session session) {
        this.manager = manager;
        this.session = session;
    }

    @Override
    public String name() {
        return "reload";
    }

    /** Asked only in the interactive shell; anything but y… means no, silently. */
    private boolean confirmed() {
        if (!session.interactive()) {
            return true;
        }
        String answer = session.readLine("Really restart the remote supervisord process y/N? ");
        return answer != null && answer.toLowerCase(Locale.ROOT).startsWith("y");
    }

    @Override
    public void run(String arg, Output out) {
        if (Command.rejectsArguments(name(), arg, out) || !confirmed()) {
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
