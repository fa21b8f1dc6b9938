package io.jsupervisor.api;

import java.util.List;

/**
 * One entry of {@code getAllConfigInfo}, field for field. Text fields already hold the reference's
 * rendering ({@code none} for Python's None, {@code auto} for AUTO); {@code uid} is {@code null} for None.
 */
public record ConfigInfo(
        boolean autostart,
        String command,
        String directory,
        List<Integer> exitcodes,
        String group,
        int groupPrio,
        boolean inuse,
        boolean killasgroup,
        String name,
        int processPrio,
        boolean redirectStderr,
        String serverurl,
        int startretries,
        int startsecs,
        long stdoutCaptureMaxbytes,
        boolean stdoutEventsEnabled,
        String stdoutLogfile,
        int stdoutLogfileBackups,
        long stdoutLogfileMaxbytes,
        boolean stdoutSyslog,
        long stderrCaptureMaxbytes,
        boolean stderrEventsEnabled,
        String stderrLogfile,
        int stderrLogfileBackups,
        long stderrLogfileMaxbytes,
        boolean stderrSyslog,
        int stopsignal,
        int stopwaitsecs,
        Integer uid) {
}
