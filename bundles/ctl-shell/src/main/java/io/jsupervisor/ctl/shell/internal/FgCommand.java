package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.LogFollow;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.List;

/**
 * {@code fg name}: the checks and banner; the front end then follows both logs and feeds stdin
 * ({@link ForegroundLoop}).
 */
final class FgCommand implements Command {
    private final ProcessManager manager;
    private final Upcheck upcheck;

    FgCommand(ProcessManager manager, Upcheck upcheck) {
        this.manager = manager;
        this.upcheck = upcheck;
    }

    @Override
    public String name() {
        return "fg";
    }

    @Override
    public void run(String arg, Output out) {
        if (!out.upcheck(upcheck)) {
            return;
        }
        List<String> names = PyText.split(arg);
        if (names.isEmpty()) {
            out.println("ERROR: no process name supplied");
            out.status(ExitStatus.GENERIC);
            out.println(HelpText.of(name()));
            return;
        }
        if (names.size() > 1) {
            out.println("ERROR: too many process names supplied");
            out.status(ExitStatus.GENERIC);
            return;
        }
        String name = names.get(0);
        ProcessInfo info;
        try {
            info = manager.processInfo(name);
        } catch (SupervisorException e) {
            if (e.fault() == Fault.BAD_NAME) {
                out.println("ERROR: bad process name supplied");
                out.status(ExitStatus.GENERIC);
            } else {
                // the reference leaves the exit status alone here
                out.println("ERROR: " + Raised.faultText(e));
            }
            return;
        }
        if (info.state() != ProcessState.RUNNING) {
            out.println("ERROR: process not running");
            out.status(ExitStatus.GENERIC);
            return;
        }
        out.println(TailCommand.FOLLOW_BANNER);
        out.follow(LogFollow.foreground(name));
    }
}
