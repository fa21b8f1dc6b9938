package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Runs one status-page action on the {@link ProcessManager} and produces the reference's message
 * text (supervisor/web.py {@code make_callback}), completing when the reference would answer: after a
 * start or stop has finished waiting. Faults become messages; the future never fails.
 */
final class ActionRunner {
    private final ProcessManager pm;
    private final Supplier<String> clock;

    ActionRunner(ProcessManager pm, Supplier<String> clock) {
        this.pm = pm;
        this.clock = clock;
    }

    ActionRunner(ProcessManager pm) {
        this(pm, Ctime::now);
    }

    /**
     * @throws IllegalArgumentException for an unknown action, or a process action without a name
     *                                  (the reference fails with an internal error there)
     */
    CompletionStage<String> run(String action, String namespec) {
        switch (action) {
            case "refresh":
                return CompletableFuture.completedFuture("Page refreshed at " + clock.get());
            case "stopall":
                return call(() -> pm.stopAllProcesses(true))
                        .handle((r, e) -> "All stopped at " + clock.get());
            case "restartall":
                // like the reference's multicall: the start runs whatever the stop answered
                return call(() -> pm.stopAllProcesses(true))
                        .handle((r, e) -> null)
                        .thenCompose(x -> call(() -> pm.startAllProcesses(true)))
                        .handle((r, e) -> "All restarted at " + clock.get());
            case "updatechanged":
                return call(pm::updateChangedOnly).handle((r, e) -> e == null ? UpdateMessage.of(r, clock.get())
                        : "ERROR: " + unexpectedOrReread(unwrap(e)));
            default:
                break;
        }
        ProcessAction processAction = ProcessAction.ofParam(action)
                .orElseThrow(() -> new IllegalArgumentException("unknown action " + action));
        if (namespec == null || namespec.isEmpty()) {
            throw new IllegalArgumentException("action " + action + " needs a processname");
        }
        if (!exists(namespec)) {
            return CompletableFuture.completedFuture("No such process named " + namespec);
        }
        return switch (processAction) {
            case START -> call(() -> pm.startProcess(namespec, true)).handle((r, e) -> e == null
                    ? "Process " + namespec + " started"
                    : "ERROR: Process " + namespec + ": " + startError(unwrap(e)));
            case STOP -> call(() -> pm.stopProcess(namespec, true)).handle((r, e) -> e == null
                    ? "Process " + namespec + " stopped"
                    : unexpected(unwrap(e)));
            case RESTART -> call(() -> pm.stopProcess(namespec, true))
                    .handle((r, e) -> null)
                    .thenCompose(x -> call(() -> pm.startProcess(namespec, true)))
                    .handle((r, e) -> "Process " + namespec + " restarted");
            case CLEARLOG -> clearLog(namespec);
        };
    }

    private CompletionStage<String> clearLog(String namespec) {
        try {
            pm.clearProcessLogs(namespec);
            return CompletableFuture.completedFuture("Log for " + namespec + " cleared");
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(unexpected(e));
        }
    }

    private boolean exists(String namespec) {
        try {
            pm.processInfo(namespec);
            return true;
        } catch (SupervisorException e) {
            // any other fault (SHUTDOWN_STATE) is reported by the action itself, as the reference does
            return e.fault() != Fault.BAD_NAME;
        }
    }

    /** A call that may throw instead of failing its future, turned into a future either way. */
    private static <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable unwrap(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String startError(Throwable e) {
        if (e instanceof SupervisorException se) {
            switch (se.fault()) {
                case NO_FILE: return "no such file";
                case NOT_EXECUTABLE: return "file not executable";
                case ALREADY_STARTED: return "already started";
                case SPAWN_ERROR: return "spawn error";
                case ABNORMAL_TERMINATION: return "abnormal termination";
                default: break;
            }
        }
        return unexpected(e);
    }

    /** A bad file says why (as supervisorctl's reread); other faults as any. */
    private static String unexpectedOrReread(Throwable e) {
        if (e instanceof SupervisorException se && se.fault() == Fault.CANT_REREAD) {
            return se.getMessage();
        }
        return unexpected(e);
    }

    /** The reference's {@code unexpected rpc fault [code] text}; anything else counts as FAILED. */
    private static String unexpected(Throwable e) {
        if (e instanceof SupervisorException se) {
            return "unexpected rpc fault [" + se.fault().code() + "] " + se.getMessage();
        }
        return "unexpected rpc fault [" + Fault.FAILED.code() + "] FAILED: " + e;
    }
}
