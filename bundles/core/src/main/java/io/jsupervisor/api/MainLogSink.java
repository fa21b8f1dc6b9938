package io.jsupervisor.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the daemon's activity log (whiteboard). Records below the configured {@code loglevel} are
 * never sent. Records logged while no sink is registered wait in a bounded buffer.
 */
@ConsumerType
public interface MainLogSink {
    void log(MainLogRecord record);
}
