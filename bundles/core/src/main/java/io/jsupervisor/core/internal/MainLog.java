package io.jsupervisor.core.internal;

import io.jsupervisor.api.MainLogRecord;
import io.jsupervisor.api.MainLogSink;
import io.jsupervisor.config.LogLevel;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The daemon's activity log: records at or above the level go to every {@link MainLogSink}. */
final class MainLog {
    static final long MAX_BYTES = 8L << 20;

    private final AtomicLong sequence = new AtomicLong();
    private final Whiteboard<MainLogSink, MainLogRecord> sinks;
    private volatile LogLevel level = LogLevel.INFO;

    MainLog() {
        sinks = new Whiteboard<>("mainlog", MAX_BYTES, r -> 64 + r.message().length(), null, true,
                OutputHub.REPLAY_MILLIS, MainLogSink::log);
    }

    Whiteboard<MainLogSink, MainLogRecord> sinks() {
        return sinks;
    }

    void setLevel(LogLevel level) {
        this.level = level;
    }

    LogLevel level() {
        return level;
    }

    boolean enabled(LogLevel l) {
        return l.passes(level);
    }

    synchronized void log(LogLevel l, String message) {
        if (l.passes(level)) {
            sinks.publish(new MainLogRecord(sequence.incrementAndGet(), Instant.now(), l, message));
        }
    }

    void critical(String m) {
        log(LogLevel.CRITICAL, m);
    }

    void warn(String m) {
        log(LogLevel.WARN, m);
    }

    void info(String m) {
        log(LogLevel.INFO, m);
    }

    void debug(String m) {
        log(LogLevel.DEBUG, m);
    }

    void blather(String m) {
        log(LogLevel.BLATHER, m);
    }
}
