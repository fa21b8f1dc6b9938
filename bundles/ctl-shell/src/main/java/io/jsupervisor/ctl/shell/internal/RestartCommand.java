package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Upcheck;

/** {@code restart …}: {@code stop} then {@code start} with the same names; no rolling restart. */
final class RestartCommand implements Command {
    private final Command stop;
    private final Command start;
    private final Upcheck upcheck;

    RestartCommand(Command stop, Command start, Upcheck upcheck) {
        this.stop = stop;
        this.start = start;
        this.upcheck = upcheck;
    }

    @Override
    public String name() {
        return "restart";
    }

    @Override
    public void run(String arg, Output out) {
        if (!out.upcheck(upcheck)) {
            return;
        }
        if (PyText.split(arg).isEmpty()) {
            out.println("Error: restart requires a process name");
            out.status(ExitStatus.GENERIC);
            out.println(HelpText.of(name()));
            return;
        }
        stop.run(arg, out);
        start.run(arg, out);
    }
}
