package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.List;

/** {@code start name… | g:* | all}, waiting for each start as supervisorctl does. */
final class StartCommand implements Command {
    private final ProcessManager manager;
    private final Upcheck upcheck;

    StartCommand(ProcessManager manager, Upcheck upcheck) {
        this.manager = manager;
        this.upcheck = upcheck;
    }

    @Override
    public String name() {
        return "start";
    }

    @Override
    public void run(String arg, Output out) {
        if (!out.upcheck(upcheck)) {
            return;
        }
        List<String> names = PyText.split(arg);
        if (names.isEmpty()) {
            out.println("Error: start requires a process name");
            out.status(ExitStatus.INVALID_ARGS);
            out.println(HelpText.of(name()));
            return;
        }
        if (names.contains("all")) {
            report(Futures.await(manager.startAllProcesses(true)), out);
            return;
        }
        for (String name : names) {
            Namespec spec = Namespec.split(name);
            if (spec.wholeGroup()) {
                startGroup(spec.group(), out);
            } else {
                startProcess(name, spec, out);
            }
        }
    }

    private void startGroup(String group, Output out) {
        List<ProcessResult> results;
        try {
            results = Futures.await(manager.startProcessGroup(group, true));
        } catch (SupervisorException e) {
            if (e.fault() != Fault.BAD_NAME) {
                throw e;
            }
            out.println(group + ": ERROR (no such group)");
            out.status(ExitStatus.INVALID_ARGS);
            return;
        }
        report(results, out);
    }

    private void startProcess(String name, Namespec spec, Output out) {
        try {
            Futures.await(manager.startProcess(name, true));
        } catch (SupervisorException e) {
            report(List.of(ResultText.ofFault(spec, e)), out);
            return;
        }
        out.println(spec.text() + ": started");
    }

    private static void report(List<ProcessResult> results, Output out) {
        for (ProcessResult result : results) {
            out.println(ResultText.start(result));
            out.statusFromFault(result.status(), Fault.ALREADY_STARTED);
        }
    }
}
