package io.jsupervisor.api;

/** A child's output channel. */
public enum LogChannel {
    STDOUT, STDERR;

    /** {@code stdout} or {@code stderr}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
