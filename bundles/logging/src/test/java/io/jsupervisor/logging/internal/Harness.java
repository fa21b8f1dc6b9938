package io.jsupervisor.logging.internal;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.OutputChunk;
import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.SupervisorConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** A LoggingService on real files with a fixed clock and captured stdout/stderr. */
final class Harness {
    static final Instant NOW = Instant.parse("2026-11-24T10:11:12.345678Z");

    final Path mainLog;
    final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    final LoggingService service;
    /** The daemon's configuration as the service sees it (the programs' extra log options); none by default. */
    final AtomicReference<SupervisorConfig> configuration = new AtomicReference<>();
    private final AtomicLong sequence = new AtomicLong();
    /** Each reading is a second later, so the main log settings are asked for at every record. */
    private final AtomicLong nanos = new AtomicLong();

    Harness(Path dir) {
        this(dir, LogLevel.INFO, List.of("false"));
    }

    Harness(Path dir, LogLevel level, List<String> syslogCommand) {
        this(dir.resolve("supervisord.log"), () -> new MainLogSettings(
                new LogFileSpec(dir.resolve("supervisord.log"), 0, 0, false), false, level), syslogCommand);
    }

    Harness(Path mainLog, Supplier<MainLogSettings> settings, List<String> syslogCommand) {
        this.mainLog = mainLog;
        this.service = new LoggingService(new Parts(settings, configuration::get, Clock.fixed(NOW, ZoneOffset.UTC),
                () -> nanos.addAndGet(1_000_000_000L), stdout,
                new PrintStream(stderr, true, StandardCharsets.UTF_8), syslogCommand));
    }

    static LogFileSpec spec(Path path, long maxbytes, int backups) {
        return new LogFileSpec(path, maxbytes, backups, false);
    }

    void write(LogFileSpec spec, String text) {
        service.write(new OutputChunk(sequence.incrementAndGet(), "g", "p", LogChannel.STDOUT, spec,
                text.getBytes(StandardCharsets.UTF_8)));
    }

    String mainLogText() throws IOException {
        return Files.exists(mainLog) ? Files.readString(mainLog) : "";
    }

    static String text(Path file) throws IOException {
        return Files.readString(file);
    }
}
