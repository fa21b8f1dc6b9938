package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.List;

/** {@code pid [name… | all]}: supervisord's pid, or one child pid per line (0 when not running). */
final class PidCommand implements Command {
    private final ProcessManager manager;
    private final Upcheck upcheck;

    PidCommand(ProcessManager manager, Upcheck upcheck) {
        this.manager = manager;
        this.upcheck = upcheck;
    }

    @Override
    public String name() {
        return "pid";
    }

    @Override
    public void run(String arg, Output out) {
        if (!out.upcheck(upcheck)) {
            return;
        }
        List<String> names = PyText.split(arg);
        if (names.isEmpty()) {
            out.println(String.valueOf(manager.pid()));
        } else if (names.contains("all")) {
            for (ProcessInfo info : manager.allProcessInfo()) {
                out.println(String.valueOf(info.pid()));
            }
        } else {
            names.forEach(name -> printPid(name, out));
        }
    }

    private void printPid(String name, Output out) {
        ProcessInfo info;
        try {
            info = manager.processInfo(name);
        } catch (SupervisorException e) {
            out.status(ExitStatus.GENERIC);
            if (e.fault() != Fault.BAD_NAME) {
                throw e;
            }
            out.println("No such process " + name);
            return;
        }
        out.println(String.valueOf(info.pid()));
        if (info.pid() == 0) {
            out.status(ExitStatus.NOT_RUNNING);
        }
    }
}
