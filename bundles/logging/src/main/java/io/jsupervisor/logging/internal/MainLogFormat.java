package io.jsupervisor.logging.internal;

import io.jsupervisor.config.LogLevel;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** The reference's main log line: {@code YYYY-MM-DD HH:MM:SS,mmm LEVL message\n}, in local time. */
final class MainLogFormat {
    // SSS truncates the fraction, as the reference's '%03d' of the milliseconds does
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");
    private final ZoneId zone;

    MainLogFormat(ZoneId zone) {
        this.zone = zone;
    }

    /** The prefix of every line: time stamp and level tag, each followed by a space. */
    String prefix(Instant time, LogLevel level) {
        return STAMP.format(time.atZone(zone)) + " " + level.tag() + " ";
    }

    String line(Instant time, LogLevel level, String message) {
        return prefix(time, level) + message + "\n";
    }
}
