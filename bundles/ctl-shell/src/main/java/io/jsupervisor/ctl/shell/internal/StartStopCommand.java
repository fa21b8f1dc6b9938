package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * {@code start} and {@code stop} ({@code name… | g:* | all}, waiting as supervisorctl does): the same walk
 * over the names, with the calls, texts and exit statuses of {@link Verb#START} or {@link Verb#STOP}.
 */
final class StartStopCommand implements Command {
    /** What differs between start and stop. */
    record Verb(String name, String done, int noArgsStatus, int noGroupStatus, Fault ignored,
                Function<ProcessManager, CompletableFuture<List<ProcessResult>>> all,
                BiFunction<ProcessManager, String, CompletableFuture<List<ProcessResult>>> group,
                BiFunction<ProcessManager, String, CompletableFuture<Boolean>> process,
                Function<ProcessResult, String> resultText) {

        /** Already started is not a failure of {@code start}. */
        static final Verb START = new Verb("start", "started", ExitStatus.INVALID_ARGS, ExitStatus.INVALID_ARGS,
                Fault.ALREADY_STARTED, pm -> pm.startAllProcesses(true), (pm, g) -> pm.startProcessGroup(g, true),
                (pm, p) -> pm.startProcess(p, true), ResultText::start);

        /** Stopping a stopped process prints an error but is not a failure of {@code stop}. */
        static final Verb STOP = new Verb("stop", "stopped", ExitStatus.GENERIC, ExitStatus.GENERIC,
                Fault.NOT_RUNNING, pm -> pm.stopAllProcesses(true), (pm, g) -> pm.stopProcessGroup(g, true),
                (pm, p) -> pm.stopProcess(p, true), ResultText::stop);
    }

    private final Verb verb;
    private final ProcessManager manager;
    private final Upcheck upcheck;

    StartStopCommand(Verb verb, ProcessManager manager, Upcheck upcheck) {
        this.verb = verb;
        this.manager = manager;
        this.upcheck = upcheck;
    }

    @Override
    public String name() {
        return verb.name();
    }

    @Override
    public void run(String arg, Output out) {
        if (!out.upcheck(upcheck)) {
            return;
        }
        List<String> names = PyText.split(arg);
        if (names.isEmpty()) {
            out.println("Error: " + verb.name() + " requires a process name");
            out.status(verb.noArgsStatus());
            out.println(HelpText.of(name()));
            return;
        }
        if (names.contains("all")) {
            report(Futures.await(verb.all().apply(manager)), out);
            return;
        }
        for (String name : names) {
            Namespec spec = Namespec.split(name);
            if (spec.wholeGroup()) {
                group(spec.group(), out);
            } else {
                process(name, spec, out);
            }
        }
    }

    private void group(String group, Output out) {
        List<ProcessResult> results;
        try {
            results = Futures.await(verb.group().apply(manager, group));
        } catch (SupervisorException e) {
            if (e.fault() != Fault.BAD_NAME) {
                throw e;
            }
            out.println(group + ": ERROR (no such group)");
            out.status(verb.noGroupStatus());
            return;
        }
        report(results, out);
    }

    private void process(String name, Namespec spec, Output out) {
        try {
            Futures.await(verb.process().apply(manager, name));
        } catch (SupervisorException e) {
            report(List.of(ResultText.ofFault(spec, e)), out);
            return;
        }
        out.println(spec.text() + ": " + verb.done());
    }

    private void report(List<ProcessResult> results, Output out) {
        for (ProcessResult result : results) {
            out.println(verb.resultText().apply(result));
            out.statusFromFault(result.status(), verb.ignored());
        }
    }
}
