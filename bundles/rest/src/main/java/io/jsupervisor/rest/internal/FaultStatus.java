package io.jsupervisor.rest.internal;

import io.jsupervisor.api.Fault;

/** The HTTP status that goes with each of the reference's faults. */
final class FaultStatus {
    private FaultStatus() {
    }

    static int of(Fault fault) {
        return switch (fault) {
            case BAD_NAME, NO_FILE, UNKNOWN_METHOD -> 404;
            case ALREADY_STARTED, NOT_RUNNING, STILL_RUNNING, ALREADY_ADDED -> 409;
            case BAD_ARGUMENTS, INCORRECT_PARAMETERS, BAD_SIGNAL, SIGNATURE_UNSUPPORTED -> 400;
            case SHUTDOWN_STATE -> 503;
            case SUCCESS -> 200;
            // the program or the configuration is at fault, not the request
            case NOT_EXECUTABLE, SPAWN_ERROR, ABNORMAL_TERMINATION, FAILED, CANT_REREAD -> 500;
        };
    }
}
