package io.jsupervisor.logging.internal;

import io.jsupervisor.config.SupervisorConfig;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What {@link LoggingService} is built from; tests pass their own clocks, streams and syslog command.
 *
 * @param nanos         a monotonic clock in nanoseconds, for how often the daemon is asked for settings
 * @param configuration the daemon's configuration, for the programs' extra log options
 */
record Parts(Supplier<MainLogSettings> settings, Supplier<SupervisorConfig> configuration, Clock clock,
             LongSupplier nanos, OutputStream stdout, PrintStream stderr, List<String> syslogCommand) {
}
