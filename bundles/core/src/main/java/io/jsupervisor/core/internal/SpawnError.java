package io.jsupervisor.core.internal;

import io.jsupervisor.api.Fault;

/** A command that cannot be spawned, with the fault startProcess reports and the spawnerr text. */
final class SpawnError extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Fault fault;

    SpawnError(Fault fault, String message) {
        super(message);
        this.fault = fault;
    }

    Fault fault() {
        return fault;
    }
}
