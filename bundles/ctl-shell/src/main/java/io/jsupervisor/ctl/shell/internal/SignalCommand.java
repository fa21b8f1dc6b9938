package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.List;

/** {@code signal SIG name… | g:* | all}; every fault counts, NOT_RUNNING included. */
final class SignalCommand implements Command {
    private final ProcessManager manager;
    private final Upcheck upcheck;

    SignalCommand(ProcessManager manager, Upcheck upcheck) {
        this.manager = manager;
        this.upcheck = upcheck;
    }

    @Override
    public String name() {
        return "signal";
    }

    @Override
    public void run(String arg, Output out) {
        if (!out.upcheck(upcheck)) {
            return;
        }
        List<String> args = PyText.split(arg);
        if (args.size() < 2) {
            out.println("Error: signal requires a signal name and a process name");
            out.println(HelpText.of(name()));
            out.status(ExitStatus.GENERIC);
            return;
        }
        String signal = args.get(0);
        List<String> names = args.subList(1, args.size());
        if (names.contains("all")) {
            report(Futures.await(manager.signalAllProcesses(signal)), out);
            return;
        }
        for (String name : names) {
            Namespec spec = Namespec.split(name);
            if (spec.wholeGroup()) {
                signalGroup(spec.group(), signal, out);
            } else {
                signalProcess(name, spec, signal, out);
            }
        }
    }

    private void signalGroup(String group, String signal, Output out) {
        List<ProcessResult> results;
        try {
            results = Futures.await(manager.signalProcessGroup(group, signal));
        } catch (SupervisorException e) {
            if (e.fault() != Fault.BAD_NAME) {
                throw e;
            }
            out.println(group + ": ERROR (no such group)");
            out.status(ExitStatus.GENERIC);
            return;
        }
        report(results, out);
    }

    private void signalProcess(String name, Namespec spec, String signal, Output out) {
        try {
            Futures.await(manager.signalProcess(name, signal));
        } catch (SupervisorException e) {
            report(List.of(ResultText.ofFault(spec, e)), out);
            return;
        }
        out.println(spec.text() + ": signalled");
    }

    private static void report(List<ProcessResult> results, Output out) {
        for (ProcessResult result : results) {
            out.println(ResultText.signal(result));
            out.statusFromFault(result.status());
        }
    }
}
