package io.jsupervisor.api;

/** A process's state, with the numbers the reference puts on the wire. */
public enum ProcessState {
    STOPPED(0),
    STARTING(10),
    RUNNING(20),
    BACKOFF(30),
    STOPPING(40),
    EXITED(100),
    FATAL(200),
    UNKNOWN(1000);

    private final int code;

    ProcessState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** STOPPED_STATES: STOPPED, EXITED, FATAL, UNKNOWN. */
    public boolean isStopped() {
        return this == STOPPED || this == EXITED || this == FATAL || this == UNKNOWN;
    }

    /** RUNNING_STATES: STARTING, RUNNING, BACKOFF. */
    public boolean isRunning() {
        return this == STARTING || this == RUNNING || this == BACKOFF;
    }

    /** SIGNALLABLE_STATES: STARTING, RUNNING, STOPPING. */
    public boolean isSignallable() {
        return this == STARTING || this == RUNNING || this == STOPPING;
    }
}
