package io.jsupervisor.logging.internal;

import io.jsupervisor.config.LogLevel;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.BiConsumer;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Copies the warnings and errors that bundles log through the OSGi Log Service into the main log, so the
 * daemon has one log (e.g. the events bundle's "pool x event buffer overflowed", which the reference writes
 * to its main log). Entries logged shortly before this bundle came up are replayed once.
 */
final class FrameworkLogForwarder implements LogListener {
    /** Older entries were written by the previous version of this bundle, if any. */
    static final long REPLAY_MILLIS = 10_000;

    private final BiConsumer<LogLevel, String> mainLog;

    FrameworkLogForwarder(BiConsumer<LogLevel, String> mainLog) {
        this.mainLog = mainLog;
    }

    /** Starts listening, after replaying the recent entries oldest first. */
    void attach(LogReaderService reader, long nowMillis) {
        List<LogEntry> recent = new ArrayList<>();
        Enumeration<LogEntry> e = reader.getLog(); // newest first
        while (e.hasMoreElements()) {
            LogEntry entry = e.nextElement();
            if (nowMillis - entry.getTime() <= REPLAY_MILLIS) {
                recent.add(0, entry);
            }
        }
        recent.forEach(this::logged);
        reader.addLogListener(this);
    }

    void detach(LogReaderService reader) {
        reader.removeLogListener(this);
    }

    @Override
    public void logged(LogEntry entry) {
        LogLevel level = levelOf(entry.getLogLevel());
        if (level != null) {
            String message = entry.getMessage();
            if (entry.getException() != null) {
                message = message + ": " + entry.getException();
            }
            mainLog.accept(level, message);
        }
    }

    /** WARN and above go to the main log (the main log's own loglevel filters further); the rest stays. */
    static LogLevel levelOf(org.osgi.service.log.LogLevel osgi) {
        switch (osgi) {
            case AUDIT:
                return LogLevel.CRITICAL;
            case ERROR:
                return LogLevel.ERROR;
            case WARN:
                return LogLevel.WARN;
            default:
                return null;
        }
    }
}
