package io.jsupervisor.api;

import io.jsupervisor.config.LogLevel;
import java.time.Instant;

/** One line (possibly several) of the daemon's activity log, before formatting. */
public record MainLogRecord(long sequence, Instant time, LogLevel level, String message) {
}
