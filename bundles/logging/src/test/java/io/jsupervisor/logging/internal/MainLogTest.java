package io.jsupervisor.logging.internal;

import static io.jsupervisor.logging.internal.Harness.spec;
import static io.jsupervisor.logging.internal.Harness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.MainLogRecord;
import io.jsupervisor.api.OutputChunk;
import io.jsupervisor.config.LogLevel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainLogTest {
    @TempDir
    Path dir;

    private static MainLogRecord record(LogLevel level, String message) {
        return new MainLogRecord(1, Harness.NOW, level, message);
    }

    @Test
    void linesHaveTheReferenceFormatWithTruncatedMilliseconds() throws IOException {
        Harness h = new Harness(dir);
        h.service.log(record(LogLevel.INFO, "spawned: 'x' with pid 12"));
        h.service.log(record(LogLevel.CRITICAL, "Supervisor is running as root."));
        h.service.log(record(LogLevel.DEBUG, "'x' stdout output:\nhello\n"));
        assertEquals("2026-11-24 10:11:12,345 INFO spawned: 'x' with pid 12\n"
                + "2026-11-24 10:11:12,345 CRIT Supervisor is running as root.\n"
                + "2026-11-24 10:11:12,345 DEBG 'x' stdout output:\nhello\n\n", h.mainLogText());
    }

    @Test
    void timesAreWrittenInLocalTime() {
        MainLogFormat paris = new MainLogFormat(java.time.ZoneId.of("Europe/Paris"));
        assertEquals("2026-11-24 11:11:12,345 WARN w\n", paris.line(Harness.NOW, LogLevel.WARN, "w"));
    }

    @Test
    void nodaemonCopiesLinesToStdoutUnlessSilent() throws IOException {
        Path main = dir.resolve("m.log");
        Harness loud = new Harness(main, () -> new MainLogSettings(spec(main, 0, 0), true, LogLevel.INFO),
                List.of("false"));
        loud.service.log(record(LogLevel.INFO, "hello"));
        assertEquals("2026-11-24 10:11:12,345 INFO hello\n", loud.stdout.toString(StandardCharsets.UTF_8));
        assertEquals(loud.stdout.toString(StandardCharsets.UTF_8), text(main));

        Harness silent = new Harness(main, () -> new MainLogSettings(spec(main, 0, 0), false, LogLevel.INFO),
                List.of("false"));
        silent.service.log(record(LogLevel.INFO, "quiet"));
        assertEquals(0, silent.stdout.size());
    }

    @Test
    void theMainLogRotatesLikeChildLogs() throws IOException {
        Path main = dir.resolve("m.log");
        Harness h = new Harness(main, () -> new MainLogSettings(spec(main, 100, 1), false, LogLevel.INFO),
                List.of("false"));
        h.service.log(record(LogLevel.INFO, "a".repeat(40)));
        h.service.log(record(LogLevel.INFO, "b"));
        h.service.log(record(LogLevel.INFO, "c"));
        assertTrue(text(dir.resolve("m.log.1")).endsWith("a".repeat(40) + "\n2026-11-24 10:11:12,345 INFO b\n"));
        assertEquals("2026-11-24 10:11:12,345 INFO c\n", text(main));
    }

    @Test
    void clearDeletesAndReopensTheMainLog() throws IOException {
        Harness h = new Harness(dir);
        h.service.log(record(LogLevel.INFO, "old"));
        h.service.clear(spec(h.mainLog, 0, 0));
        h.service.log(record(LogLevel.INFO, "new"));
        assertEquals("2026-11-24 10:11:12,345 INFO new\n", h.mainLogText());
    }

    @Test
    void aChangedLogfileAfterARestartIsUsedFromTheNextRecord() throws IOException {
        AtomicReference<LogFileSpec> current = new AtomicReference<>(spec(dir.resolve("one.log"), 0, 0));
        Harness h = new Harness(dir.resolve("one.log"),
                () -> new MainLogSettings(current.get(), false, LogLevel.INFO), List.of("false"));
        h.service.log(record(LogLevel.INFO, "1"));
        current.set(spec(dir.resolve("two.log"), 0, 0));
        h.service.log(record(LogLevel.INFO, "2"));
        assertTrue(text(dir.resolve("one.log")).endsWith("INFO 1\n"));
        assertTrue(text(dir.resolve("two.log")).endsWith("INFO 2\n"));
    }

    @Test
    void theLastKnownSettingsAreKeptWhenTheDaemonCannotAnswer() throws IOException {
        Path main = dir.resolve("m.log");
        AtomicReference<Boolean> shuttingDown = new AtomicReference<>(false);
        Harness h = new Harness(main, () -> {
            if (shuttingDown.get()) {
                throw new IllegalStateException("SHUTDOWN_STATE");
            }
            return new MainLogSettings(spec(main, 0, 0), false, LogLevel.INFO);
        }, List.of("false"));
        h.service.log(record(LogLevel.INFO, "running"));
        shuttingDown.set(true);
        h.service.log(record(LogLevel.INFO, "stopping"));
        assertTrue(text(main).endsWith("INFO stopping\n"));
    }

    @Test
    void syslogGetsEachLineWithItsPrefixAndChildLinesWithTheProcessName() throws Exception {
        Path sink = dir.resolve("syslog.txt");
        List<String> fakeLogger = List.of("sh", "-c", "cat >> '" + sink + "'");
        Harness h = new Harness(dir.resolve("unused"), () -> new MainLogSettings(null, false, LogLevel.INFO),
                fakeLogger);
        h.service.log(record(LogLevel.INFO, "two\nlines\n"));
        h.service.write(new OutputChunk(1, "g", "web", LogChannel.STDOUT,
                new LogFileSpec(dir.resolve("web.log"), 0, 0, true), "out1\nout2\n".getBytes(StandardCharsets.UTF_8)));
        h.service.deactivate(); // closes the logger's stdin, so cat finishes
        String expected = "2026-11-24 10:11:12,345 INFO two\n2026-11-24 10:11:12,345 INFO lines\n"
                + "web out1\nweb out2\n";
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!(Files.exists(sink) && text(sink).equals(expected)) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertEquals(expected, text(sink));
        assertEquals("out1\nout2\n", text(dir.resolve("web.log")));
        assertEquals(false, Files.exists(dir.resolve("unused")));
    }

    @Test
    void aDaemonThatCannotAnswerAtActivationDoesNotStopTheComponent() throws IOException {
        Path main = dir.resolve("m.log");
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        Harness h = new Harness(main, () -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("engine did not answer");
            }
            return new MainLogSettings(spec(main, 0, 0), false, LogLevel.INFO);
        }, List.of("false"));
        h.service.log(record(LogLevel.INFO, "first"));
        assertEquals("2026-11-24 10:11:12,345 INFO first\n", text(main));
    }

    @Test
    void theDaemonIsAskedForSettingsAtMostEveryHundredMilliseconds() throws IOException {
        Path main = dir.resolve("m.log");
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        LoggingService service = new LoggingService(new Parts(() -> {
            asked.incrementAndGet();
            return new MainLogSettings(spec(main, 0, 0), false, LogLevel.INFO);
        }, () -> null, java.time.Clock.fixed(Harness.NOW, java.time.ZoneOffset.UTC), nanos::get,
                new java.io.ByteArrayOutputStream(), System.err, List.of("false")));
        assertEquals(1, asked.get(), "asked once at activation");
        for (int i = 0; i < 10; i++) {
            nanos.addAndGet(5_000_000L);
            service.log(record(LogLevel.INFO, "r" + i));
        }
        assertEquals(1, asked.get());
        nanos.addAndGet(60_000_000L);
        service.log(record(LogLevel.INFO, "later"));
        assertEquals(2, asked.get());
        assertEquals(11, text(main).lines().count());
    }
}
