package io.jsupervisor.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.OutputChunk;
import io.jsupervisor.config.ConfigLoader;
import io.jsupervisor.config.LoadContext;
import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NONE with syslog, line time stamps and the stdout mirror, driven by a configuration file as loaded. */
class ChannelExtrasTest {
    private static final String STAMP = "2026-11-24 10:11:12,345 ";

    @TempDir
    Path dir;
    private final AtomicLong sequence = new AtomicLong();

    private SupervisorConfig config(String programs) throws Exception {
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, "[supervisord]\nlogfile=" + dir.resolve("supervisord.log") + "\n" + programs);
        return ConfigLoader.load(conf, new LoadContext(Map.of(), "h", dir, Map.of()));
    }

    private Harness harness(String programs, List<String> syslogCommand) throws Exception {
        Harness h = new Harness(dir, LogLevel.INFO, syslogCommand);
        h.configuration.set(config(programs));
        return h;
    }

    private void write(Harness h, String process, LogChannel channel, LogFileSpec file, String text) {
        h.service.write(new OutputChunk(sequence.incrementAndGet(), process, process, channel, file,
                text.getBytes(StandardCharsets.UTF_8)));
    }

    private static String awaitContent(Path file, String expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!(Files.exists(file) && Files.readString(file).equals(expected)) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        return Files.exists(file) ? Files.readString(file) : "<missing>";
    }

    @Test
    void noneWithSyslogStillSendsEachLineToSyslogAsTheReference() throws Exception {
        Path sink = dir.resolve("syslog.txt");
        Harness h = harness("[program:web]\ncommand=/bin/true\nstdout_logfile=NONE\nstdout_syslog=true\n"
                + "stderr_logfile=NONE\n", List.of("sh", "-c", "cat >> '" + sink + "'"));
        write(h, "web", LogChannel.STDOUT, null, "one\ntwo\n");
        write(h, "web", LogChannel.STDERR, null, "not wanted\n"); // stderr_syslog is false
        h.service.deactivate(); // ends the logger's input
        assertEquals("web one\nweb two\n", awaitContent(sink, "web one\nweb two\n"));
    }

    @Test
    void theDeprecatedSyslogLogfileValueSendsToSyslogToo() throws Exception {
        Path sink = dir.resolve("syslog.txt");
        Harness h = harness("[program:old]\ncommand=/bin/true\nstderr_logfile=syslog\n",
                List.of("sh", "-c", "cat >> '" + sink + "'"));
        write(h, "old", LogChannel.STDERR, null, "legacy\n"); // the core passes no file: the value means NONE
        h.service.deactivate();
        assertEquals("old legacy\n", awaitContent(sink, "old legacy\n"));
    }

    @Test
    void timestampsGoAtLineStartsOnlyEvenWhenALineArrivesInPieces() throws Exception {
        Path out = dir.resolve("web.out");
        Harness h = harness("[program:web]\ncommand=/bin/true\nstdout_logfile=" + out
                + "\nstdout_log_timestamps=true\n", List.of("false"));
        LogFileSpec spec = new LogFileSpec(out, 0, 0, false);
        write(h, "web", LogChannel.STDOUT, spec, "par");
        write(h, "web", LogChannel.STDOUT, spec, "tial\nsecond\nthi");
        write(h, "web", LogChannel.STDOUT, spec, "rd\n");
        write(h, "web", LogChannel.STDOUT, spec, "\n");
        assertEquals(STAMP + "partial\n" + STAMP + "second\n" + STAMP + "third\n" + STAMP + "\n",
                Files.readString(out));
    }

    @Test
    void aNewInstanceContinuesAHalfWrittenLineWithoutAStamp() throws Exception {
        Path out = dir.resolve("web.out");
        String programs = "[program:web]\ncommand=/bin/true\nstdout_logfile=" + out + "\nstdout_log_timestamps=yes\n";
        LogFileSpec spec = new LogFileSpec(out, 0, 0, false);
        Harness first = harness(programs, List.of("false"));
        write(first, "web", LogChannel.STDOUT, spec, "half");
        first.service.deactivate(); // a bundle update: the next instance knows nothing of this line
        Harness second = harness(programs, List.of("false"));
        write(second, "web", LogChannel.STDOUT, spec, " done\nnext\n");
        assertEquals(STAMP + "half done\n" + STAMP + "next\n", Files.readString(out));
    }

    @Test
    void withoutTheOptionsOutputIsWrittenRawAndNotMirrored() throws Exception {
        Path out = dir.resolve("web.out");
        Harness h = harness("[program:web]\ncommand=/bin/true\nstdout_logfile=" + out
                + "\nstderr_log_timestamps=true\nstderr_mirror=true\n", List.of("false"));
        write(h, "web", LogChannel.STDOUT, new LogFileSpec(out, 0, 0, false), "plain\n");
        assertEquals("plain\n", Files.readString(out));
        assertEquals("", h.stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void theMirrorWritesWholePrefixedLinesAndNeverMixesTwoChildrensPartialLines() throws Exception {
        Harness h = harness("[program:web]\ncommand=/bin/true\nstdout_mirror=true\nstderr_mirror=true\n"
                + "[program:db]\ncommand=/bin/true\nstdout_mirror=on\n", List.of("false"));
        LogFileSpec web = new LogFileSpec(dir.resolve("web.log"), 0, 0, false);
        LogFileSpec db = new LogFileSpec(dir.resolve("db.log"), 0, 0, false);
        write(h, "web", LogChannel.STDOUT, web, "GET /in");
        write(h, "db", LogChannel.STDOUT, db, "checkpoint st");
        write(h, "web", LogChannel.STDERR, web, "warn\n");
        write(h, "db", LogChannel.STDOUT, db, "arted\nready\n");
        write(h, "web", LogChannel.STDOUT, web, "dex 200\n");
        assertEquals("web | warn\ndb | checkpoint started\ndb | ready\nweb | GET /index 200\n",
                h.stdout.toString(StandardCharsets.UTF_8));
        assertEquals("GET /index 200\n", Files.readString(dir.resolve("web.log")).replace("warn\n", ""));
    }

    @Test
    void aPartialLineIsMirroredWhenTheBundleStopsSoNothingIsLost() throws Exception {
        Harness h = harness("[program:web]\ncommand=/bin/true\nstdout_mirror=true\n", List.of("false"));
        write(h, "web", LogChannel.STDOUT, null, "done\nhal");
        h.service.deactivate();
        assertEquals("web | done\nweb | hal\n", h.stdout.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aVeryLongLineWithoutNewlineIsMirroredOnceItPassesTheBound() throws Exception {
        Harness h = harness("[program:web]\ncommand=/bin/true\nstdout_mirror=true\n", List.of("false"));
        String big = "x".repeat(StdoutMirror.MAX_PENDING + 1);
        write(h, "web", LogChannel.STDOUT, null, big);
        assertEquals("web | " + big + "\n", h.stdout.toString(StandardCharsets.UTF_8));
    }
}
