package io.jsupervisor.core.internal;

/**
 * One kind of health check. {@link #run} blocks the calling probe thread (never the engine thread) for at most
 * about the timeout it was made with.
 */
interface HealthProbe {
    /** What one check found: passed or not, and a short one-line text ({@code HTTP 200}, {@code exit 1} …). */
    record Result(boolean passed, String text) {
    }

    Result run();
}
