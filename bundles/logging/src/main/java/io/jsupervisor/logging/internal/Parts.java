package io.jsupervisor.logging.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What {@link LoggingService} is built from; tests pass their own clocks, streams and syslog command.
 *
 * @param nanos a monotonic clock in nanoseconds, for how often the main log settings are asked for
 */
record Parts(Supplier<MainLogSettings> settings, Clock clock, LongSupplier nanos, OutputStream stdout,
             PrintStream stderr, List<String> syslogCommand) {
}
