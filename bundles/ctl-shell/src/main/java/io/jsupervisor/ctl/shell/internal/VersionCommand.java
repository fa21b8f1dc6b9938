package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.ctl.shell.Session;
import io.jsupervisor.ctl.shell.Upcheck;

/** {@code version}: the server's supervisord release ({@link Session#supervisorVersion()}). */
final class VersionCommand implements Command {
    private final Upcheck upcheck;
    private final Session session;

    VersionCommand(Upcheck upcheck, Session session) {
        this.upcheck = upcheck;
        this.session = session;
    }

    @Override
    public String name() {
        return "version";
    }

    @Override
    public void run(String arg, Output out) {
        if (Command.rejectsArguments(name(), arg, out) || !out.upcheck(upcheck)) {
            return;
        }
        out.println(session.supervisorVersion());
    }
}
