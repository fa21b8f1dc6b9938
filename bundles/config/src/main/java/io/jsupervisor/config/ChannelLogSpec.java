package io.jsupervisor.config;

/**
 * The log settings of one output channel (stdout or stderr) of a process.
 *
 * @param logfile         {@code null} for NONE/OFF, {@link #AUTO} for an automatic file, else an absolute path
 * @param maxbytes        rotate when the file reaches this size; 0 never rotates
 * @param backups         how many rotated files ({@code .1 .2 ...}) to keep
 * @param captureMaxbytes greater than 0 enables capture mode (PROCESS_COMMUNICATION events)
 * @param eventsEnabled   emit PROCESS_LOG events for this channel
 * @param syslog          also send the output to syslog
 */
public record ChannelLogSpec(String logfile, long maxbytes, int backups, long captureMaxbytes,
                             boolean eventsEnabled, boolean syslog) {
    /** The {@code logfile} value that asks for an automatically named file in {@code childlogdir}. */
    public static final String AUTO = "AUTO";

    public boolean isAuto() {
        return AUTO.equals(logfile);
    }

    public boolean isNone() {
        return logfile == null;
    }
}
