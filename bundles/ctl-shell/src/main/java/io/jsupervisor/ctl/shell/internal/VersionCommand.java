package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.ctl.shell.Upcheck;

/** {@code version}: the supervisord release we reproduce. */
final class VersionCommand implements Command {
    private final Upcheck upcheck;

    VersionCommand(Upcheck upcheck) {
        this.upcheck = upcheck;
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
        out.println(ProcessManager.SUPERVISOR_VERSION);
    }
}
