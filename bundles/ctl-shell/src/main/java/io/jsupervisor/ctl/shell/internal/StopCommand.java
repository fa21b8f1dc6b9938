package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.List;

/** {@code stop name… | g:* | all}; stopping a stopped process prints an error but is not a failure. */
final class StopCommand implements Command {
    private final ProcessManager manager;
    private final Upcheck upcheck;

    StopCommand(ProcessManager manager, Upcheck upcheck) {
        this.manager = manager;
        this.upcheck = upcheck;
    }

    @Override
    public String name() {
        return "stop";
    }

    @Override
    public void run(String arg, Output out) {
        if (!out.upcheck(upcheck)) {
            return;
        }
        List<String> names = PyText.split(arg);
        if (names.isEmpty()) {
            out.println("Error: stop requires a process name");
            out.status(ExitStatus.GENERIC);
            out.println(HelpText.of(name()));
            return;
        }
        if (names.contains("all")) {
            report(Futures.await(manager.stopAllProcesses(true)), out);
            return;
        }
        for (String name : names) {
            Namespec spec = Namespec.split(name);
            if (spec.wholeGroup()) {
                stopGroup(spec.group(), out);
            } else {
                stopProcess(name, spec, out);
            }
        }
    }

    private void stopGroup(String group, Output out) {
        List<ProcessResult> results;
        try {
            results = Futures.await(manager.stopProcessGroup(group, true));
        } catch (SupervisorException e) {
            out.status(ExitStatus.GENERIC);
            if (e.fault() != Fault.BAD_NAME) {
                throw e;
            }
            out.println(group + ": ERROR (no such group)");
            return;
        }
        report(results, out);
    }

    private void stopProcess(String name, Namespec spec, Output out) {
        try {
            Futures.await(manager.stopProcess(name, true));
        } catch (SupervisorException e) {
            report(List.of(ResultText.ofFault(spec, e)), out);
            return;
        }
        out.println(spec.text() + ": stopped");
    }

    private static void report(List<ProcessResult> results, Output out) {
        for (ProcessResult result : results) {
            out.println(ResultText.stop(result));
            out.statusFromFault(result.status(), Fault.NOT_RUNNING);
        }
    }
}
