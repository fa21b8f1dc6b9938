package io.jsupervisor.core.internal;

import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.HealthState;

/** The health-check state of one process. Touched only on the engine thread. */
final class ProcessHealth {
    final HealthSettings settings;
    HealthState state = HealthState.STARTING;
    /**
     * Bumped whenever checking starts or ends (engine thread): a probe result of another generation is stale.
     * Volatile so a probe thread can skip a check that went stale while it was queued.
     */
    volatile long generation;
    /** Checks are scheduled for the current generation (the process is STARTING with ready, or RUNNING). */
    boolean checking;
    /** A check passed since the process was last spawned (ends the start period early, opens the ready gate). */
    boolean passedSinceSpawn;
    int failures;
    long lastCheckMillis;
    String lastResult = "";
    /** Built when checking starts (an exec check needs the program's environment of that spawn). */
    HealthProbe probe;

    ProcessHealth(HealthSettings settings) {
        this.settings = settings;
    }

    HealthInfo info(String namespec) {
        return new HealthInfo(namespec, state, settings.check(), lastCheckMillis, lastResult, failures);
    }
}
