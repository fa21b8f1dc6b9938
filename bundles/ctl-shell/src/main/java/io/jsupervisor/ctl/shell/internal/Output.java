package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.LogFollow;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lines and exit status a command builds up. Like supervisorctl's {@code exitstatus} attribute, the
 * status is overwritten by every assignment, never reset: the last one wins.
 */
final class Output {
    private final List<String> lines = new ArrayList<>();
    // sees each line as it is made, for front ends that print while the command runs (prompts follow)
    private final Consumer<String> live;
    private int status = ExitStatus.SUCCESS;
    private LogFollow follow;

    Output() {
        this(line -> { });
    }

    Output(Consumer<String> live) {
        this.live = live;
    }

    void println(String line) {
        lines.add(line);
        live.accept(line);
    }

    void println(List<String> more) {
        more.forEach(this::println);
    }

    /** Asks the caller to follow a log once the lines are printed. */
    void follow(LogFollow log) {
        follow = log;
    }

    void status(int exitStatus) {
        status = exitStatus;
    }

    /** supervisorctl's {@code set_exitstatus_from_xmlrpc_fault} with no ignored fault. */
    void statusFromFault(int faultCode) {
        statusFromFault(faultCode, null);
    }

    /** supervisorctl's {@code set_exitstatus_from_xmlrpc_fault}. */
    void statusFromFault(int faultCode, Fault ignored) {
        if (faultCode == Fault.SUCCESS.code() || (ignored != null && faultCode == ignored.code())) {
            return;
        }
        boolean deadProgram = faultCode == Fault.SPAWN_ERROR.code()
                || faultCode == Fault.ABNORMAL_TERMINATION.code()
                || faultCode == Fault.NOT_RUNNING.code();
        status = deadProgram ? ExitStatus.NOT_RUNNING : ExitStatus.GENERIC;
    }

    /** Runs the upcheck; on failure takes over its lines and status and answers false. */
    boolean upcheck(Upcheck upcheck) {
        Optional<CtlResult> failure = upcheck.failure();
        failure.ifPresent(f -> {
            println(f.lines());
            status = f.exitStatus();
        });
        return failure.isEmpty();
    }

    int status() {
        return status;
    }

    CtlResult result() {
        return new CtlResult(lines, status, follow);
    }
}
