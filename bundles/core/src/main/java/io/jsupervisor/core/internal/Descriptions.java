package io.jsupervisor.core.internal;

import io.jsupervisor.api.ProcessState;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The reference's getProcessInfo description texts. */
final class Descriptions {
    private static final DateTimeFormatter STOP_TIME = DateTimeFormatter.ofPattern("MMM dd hh:mm a", Locale.US);

    private Descriptions() {
    }

    static String describe(ProcessState state, long pid, long start, long stop, long now, String spawnerr,
                           String name, ZoneId zone) {
        switch (state) {
            case RUNNING:
                return "pid " + pid + ", uptime " + timedelta(Math.max(0, now - start));
            case FATAL:
            case BACKOFF:
                return spawnerr.isEmpty() ? "unknown error (try \"tail " + name + "\")" : spawnerr;
            case STOPPED:
            case EXITED:
                return start != 0 ? STOP_TIME.format(Instant.ofEpochSecond(stop).atZone(zone)) : "Not started";
            default:
                return "";
        }
    }

    /** Python's str(timedelta(seconds=n)): {@code H:MM:SS}, {@code 1 day, H:MM:SS}, {@code N days, ...}. */
    static String timedelta(long seconds) {
        long days = seconds / 86400;
        long rest = seconds % 86400;
        String hms = String.format("%d:%02d:%02d", rest / 3600, rest / 60 % 60, rest % 60);
        if (days == 0) {
            return hms;
        }
        return days + (days == 1 ? " day, " : " days, ") + hms;
    }
}
