package io.jsupervisor.config;

import java.util.Locale;

/** The main log's levels, with the reference's numbers and four-letter tags. */
public enum LogLevel {
    CRITICAL(50, "CRIT"),
    ERROR(40, "ERRO"),
    WARN(30, "WARN"),
    INFO(20, "INFO"),
    DEBUG(10, "DEBG"),
    TRACE(5, "TRAC"),
    BLATHER(3, "BLAT");

    private final int value;
    private final String tag;

    LogLevel(int value, String tag) {
        this.value = value;
        this.tag = tag;
    }

    /** The reference's numeric level (critical 50 ... blather 3). */
    public int value() {
        return value;
    }

    /** The four-letter tag written in main log lines, e.g. {@code INFO}. */
    public String tag() {
        return tag;
    }

    /** True when a record at this level passes a log configured at {@code threshold}. */
    public boolean passes(LogLevel threshold) {
        return value >= threshold.value;
    }

    /**
     * Parses a {@code loglevel=} value as the reference does (case-insensitive names critical, error,
     * warn, info, debug, trace, blather).
     *
     * @throws IllegalArgumentException with the reference's message for any other value
     */
    public static LogLevel parse(String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        for (LogLevel l : values()) {
            if (l.name().toLowerCase(Locale.ROOT).equals(v)) {
                return l;
            }
        }
        throw new IllegalArgumentException("value " + text + " is not a valid log level name");
    }
}
