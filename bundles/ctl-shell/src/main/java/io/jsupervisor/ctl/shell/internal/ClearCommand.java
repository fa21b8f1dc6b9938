package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.List;

/** {@code clear name… | all}: empties process log files. */
final class ClearCommand implements Command {
    private final ProcessManager manager;
    private final Upcheck upcheck;

    ClearCommand(ProcessManager manager, Upcheck upcheck) {
        this.manager = manager;
        this.upcheck = upcheck;
    }

    @Override
    public String name() {
        return "clear";
    }

    @Override
    public void run(String arg, Output out) {
        if (!out.upcheck(upcheck)) {
            return;
        }
        List<String> names = PyText.split(arg);
        if (names.isEmpty()) {
            out.println("Error: clear requires a process name");
            out.status(ExitStatus.GENERIC);
            out.println(HelpText.of(name()));
            return;
        }
        if (names.contains("all")) {
            for (ProcessResult result : Futures.await(manager.clearAllProcessLogs())) {
                out.println(ResultText.clear(result));
                out.statusFromFault(result.status());
            }
            return;
        }
        for (String name : names) {
            // the reference names a whole group "g:None" here, never having meant g:* for clear
            Namespec spec = Namespec.split(name);
            try {
                manager.clearProcessLogs(name);
            } catch (SupervisorException e) {
                ProcessResult error = ResultText.ofFault(spec, e);
                out.println(ResultText.clear(error));
                out.statusFromFault(error.status());
                continue;
            }
            out.println(spec.text() + ": cleared");
        }
    }
}
