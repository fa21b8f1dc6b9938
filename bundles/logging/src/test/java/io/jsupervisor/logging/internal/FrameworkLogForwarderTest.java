package io.jsupervisor.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.config.LogLevel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/** Framework log entries reach the main log: warnings and errors only, recent history replayed oldest first. */
class FrameworkLogForwarderTest {
    private final List<String> lines = new ArrayList<>();
    private final FrameworkLogForwarder forwarder = new FrameworkLogForwarder((l, m) -> lines.add(l.tag() + " " + m));

    @Test
    void warningsAndErrorsAreForwardedInfoAndDebugAreNot() {
        forwarder.logged(entry(org.osgi.service.log.LogLevel.INFO, "chatty", 0));
        forwarder.logged(entry(org.osgi.service.log.LogLevel.DEBUG, "chattier", 0));
        forwarder.logged(entry(org.osgi.service.log.LogLevel.WARN, "Web console off", 0));
        forwarder.logged(entry(org.osgi.service.log.LogLevel.ERROR, "pool lst event buffer overflowed", 0));
        assertEquals(List.of("WARN Web console off", "ERRO pool lst event buffer overflowed"), lines);
    }

    @Test
    void recentEntriesAreReplayedOldestFirstOlderOnesAreNot() {
        long now = 1_000_000;
        List<LogEntry> newestFirst = List.of(
                entry(org.osgi.service.log.LogLevel.WARN, "second", now - 1_000),
                entry(org.osgi.service.log.LogLevel.WARN, "first", now - 2_000),
                entry(org.osgi.service.log.LogLevel.WARN, "written by the previous version", now - 60_000));
        List<LogListener> listeners = new ArrayList<>();
        forwarder.attach(reader(newestFirst, listeners), now);
        assertEquals(List.of("WARN first", "WARN second"), lines);
        assertEquals(List.of(forwarder), listeners, "then it listens");
    }

    private static LogReaderService reader(List<LogEntry> entries, List<LogListener> listeners) {
        return new LogReaderService() {
            @Override
            public void addLogListener(LogListener listener) {
                listeners.add(listener);
            }

            @Override
            public void removeLogListener(LogListener listener) {
                listeners.remove(listener);
            }

            @Override
            public Enumeration<LogEntry> getLog() {
                return Collections.enumeration(entries);
            }
        };
    }

    @SuppressWarnings("deprecation")
    private static LogEntry entry(org.osgi.service.log.LogLevel level, String message, long time) {
        return new LogEntry() {
            @Override
            public Bundle getBundle() {
                return null;
            }

            @Override
            public ServiceReference<?> getServiceReference() {
                return null;
            }

            @Override
            public int getLevel() {
                return level.ordinal();
            }

            @Override
            public String getMessage() {
                return message;
            }

            @Override
            public Throwable getException() {
                return null;
            }

            @Override
            public long getTime() {
                return time;
            }

            @Override
            public org.osgi.service.log.LogLevel getLogLevel() {
                return level;
            }

            @Override
            public String getLoggerName() {
                return "test";
            }

            @Override
            public long getSequence() {
                return 0;
            }

            @Override
            public String getThreadInfo() {
                return "test";
            }

            @Override
            public StackTraceElement getLocation() {
                return null;
            }
        };
    }
}
