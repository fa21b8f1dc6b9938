package io.jsupervisor.api;

/**
 * The health of one process as its {@code healthcheck} sees it (an extension: the reference has no health
 * checks, so a process without one is always {@link #NONE}).
 */
public enum HealthState {
    /** No health check is configured. */
    NONE,
    /** Checked, but no verdict yet: not running, in its start period, or before the first check. */
    STARTING,
    /** The last check passed. */
    HEALTHY,
    /** {@code healthcheck_retries} checks in a row failed. */
    UNHEALTHY
}
