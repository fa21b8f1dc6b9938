package io.jsupervisor.logging.internal;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

/** What {@link LoggingService} is built from; tests pass their own clock, streams and syslog command. */
record Parts(Supplier<MainLogSettings> settings, Clock clock, OutputStream stdout, PrintStream stderr,
             List<String> syslogCommand) {
}
