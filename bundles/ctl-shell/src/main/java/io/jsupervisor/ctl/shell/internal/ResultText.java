package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.SupervisorException;

/**
 * The line supervisorctl prints for one process's outcome (its {@code _startresult}, {@code _signalresult}
 * and {@code _clearresult}). A code it has no text for raises, as the reference does.
 */
final class ResultText {
    private ResultText() {
    }

    /** A fault raised for one named process, seen as the result struct supervisorctl builds from it. */
    static ProcessResult ofFault(Namespec spec, SupervisorException e) {
        return new ProcessResult(spec.process() == null ? "None" : spec.process(), spec.group(),
                e.fault().code(), e.getMessage());
    }

    static String start(ProcessResult result) {
        String name = namespec(result);
        return switch (fault(result)) {
            case BAD_NAME -> error(name, "no such process");
            case NO_FILE -> error(name, "no such file");
            case NOT_EXECUTABLE -> error(name, "file is not executable");
            case ALREADY_STARTED -> error(name, "already started");
            case SPAWN_ERROR -> error(name, "spawn error");
            case ABNORMAL_TERMINATION -> error(name, "abnormal termination");
            case SUCCESS -> name + ": started";
            default -> throw Raised.unknownResultCode(result.status(), name);
        };
    }

    static String signal(ProcessResult result) {
        return signal(result, "signalled");
    }

    static String stop(ProcessResult result) {
        return signal(result, "stopped");
    }

    static String clear(ProcessResult result) {
        String name = namespec(result);
        return switch (fault(result)) {
            case BAD_NAME -> error(name, "no such process");
            case FAILED -> error(name, "failed");
            case SUCCESS -> name + ": cleared";
            default -> throw Raised.unknownResultCode(result.status(), name);
        };
    }

    private static String signal(ProcessResult result, String success) {
        String name = namespec(result);
        return switch (fault(result)) {
            case BAD_NAME -> error(name, "no such process");
            case BAD_SIGNAL -> error(name, "bad signal name");
            case NOT_RUNNING -> error(name, "not running");
            case SUCCESS -> name + ": " + success;
            case FAILED -> result.description();
            default -> throw Raised.unknownResultCode(result.status(), name);
        };
    }

    private static Fault fault(ProcessResult result) {
        Fault fault = Fault.ofCode(result.status());
        if (fault == null) {
            throw Raised.unknownResultCode(result.status(), namespec(result));
        }
        return fault;
    }

    private static String namespec(ProcessResult result) {
        return Namespec.make(result.group(), result.name());
    }

    private static String error(String name, String reason) {
        return name + ": ERROR (" + reason + ")";
    }
}
