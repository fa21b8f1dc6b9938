package io.jsupervisor.web.ui.internal;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Python's {@code time.ctime()}: {@code Tue Nov  4 11:26:22 2026}, local time, day padded with a space. */
final class Ctime {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);

    private Ctime() {
    }

    static String format(ZonedDateTime time) {
        return FORMAT.format(time);
    }

    static String now() {
        return format(ZonedDateTime.now());
    }
}
