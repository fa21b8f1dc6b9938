package io.jsupervisor.api;

/**
 * What {@code getProcessInfo} returns, field for field.
 *
 * @param start         epoch seconds of the last spawn, 0 if never
 * @param stop          epoch seconds of the last exit, 0 if never
 * @param now           the server's time, epoch seconds
 * @param spawnerr      the last spawn error, or {@code ""}
 * @param exitstatus    last exit status; -1 when killed by a signal; 0 if none
 * @param stdoutLogfile the real path (AUTO resolved), or {@code ""} for none
 * @param stderrLogfile the real path, or {@code ""} for none
 * @param pid           0 when not running
 * @param description   the reference's description text for the state
 */
public record ProcessInfo(String name, String group, long start, long stop, long now, ProcessState state,
                          String spawnerr, int exitstatus, String stdoutLogfile, String stderrLogfile,
                          int pid, String description) {

    /** {@code group:name}, or {@code name} when both are the same. */
    public String namespec() {
        return group.equals(name) ? name : group + ":" + name;
    }
}
