package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ConfigInfo;
import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;
import java.util.List;

/** {@code avail}: every configured process, in use or not. No upcheck, as in the reference. */
final class AvailCommand implements Command {
    private final ProcessManager manager;

    AvailCommand(ProcessManager manager) {
        this.manager = manager;
    }

    @Override
    public String name() {
        return "avail";
    }

    @Override
    public void run(String arg, Output out) {
        if (Command.rejectsArguments(name(), arg, out)) {
            return;
        }
        List<ConfigInfo> infos;
        try {
            infos = manager.allConfigInfo();
        } catch (SupervisorException e) {
            out.status(ExitStatus.GENERIC);
            if (e.fault() != Fault.SHUTDOWN_STATE) {
                throw e;
            }
            out.println("ERROR: supervisor shutting down");
            return;
        }
        infos.forEach(info -> out.println(ConfigText.avail(info)));
    }
}
