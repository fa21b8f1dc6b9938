package io.jsupervisor.api;

/**
 * What an OS process uses, or a process and all its descendants.
 *
 * @param residentBytes resident memory (RSS) in bytes
 * @param cpuSeconds    user and system CPU time in seconds, including the reaped children's
 * @param processes     how many OS processes were summed (0: none found)
 * @since 1.2
 */
public record ResourceUsage(long residentBytes, double cpuSeconds, int processes) {
    /** Nothing found: the process is not running (or the OS has no {@code /proc}). */
    public static final ResourceUsage NONE = new ResourceUsage(0, 0, 0);
}
