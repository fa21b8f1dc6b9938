package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Session;

/** {@code open URL}: switch servers, then show {@code status} without keeping its exit status. */
final class OpenCommand implements Command {
    private final Session session;
    private final Command status;

    OpenCommand(Session session, Command status) {
        this.session = session;
        this.status = status;
    }

    @Override
    public String name() {
        return "open";
    }

    @Override
    public void run(String arg, Output out) {
        String url = arg.strip();
        // urlparse's scheme: the text before the first ':' when it is a valid scheme name
        int colon = url.indexOf(':');
        String scheme = colon > 0 ? url.substring(0, colon).toLowerCase(java.util.Locale.ROOT) : "";
        if (!scheme.equals("unix") && !scheme.equals("http")) {
            out.println("ERROR: url must be http:// or unix://");
            out.status(ExitStatus.GENERIC);
            return;
        }
        if (!session.open(url)) {
            out.println("ERROR: open is only available in bin/supervisorctl");
            out.status(ExitStatus.GENERIC);
            return;
        }
        int before = out.status();
        status.run("", out);
        out.status(before);
    }
}
