package io.jsupervisor.itests.logging;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Hot swap: a program writes numbered lines without pause while the logging bundle is stopped, started
 * again, then updated from its own jar. Every line must be in the log file afterwards, in order, none lost and
 * none twice, and the program must be the same process throughout.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LoggingBundleUpdateTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Lines the child writes while the logging bundle is away, and between the steps. */
    private static final int WHILE_AWAY = 3000;

    /** Writes "line N" without end; every 50 lines N to a progress file; at the stop file, "END N" and waits. */
    private static final String COUNTER = """
            import os, sys, time
            out, progress, stop = sys.stdout, sys.argv[1], sys.argv[2]
            i = 0
            while not os.path.exists(stop):
                out.write("line %08d\\n" % i)
                out.flush()
                if i % 50 == 0:
                    with open(progress + ".tmp", "w") as f:
                        f.write(str(i))
                    os.replace(progress + ".tmp", progress)
                    time.sleep(0.002)
                i += 1
            out.write("END %d\\n" % i)
            out.flush()
            time.sleep(987654)
            """;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path dir = Files.createTempDirectory("jsupervisor-logging-update-");
        Path script = dir.resolve("counter.py");
        Files.writeString(script, COUNTER);
        List<Option> options = LoggingPax.options(dir, """
                [program:counter]
                command = python3 -u %s %s %s
                startsecs = 0
                stdout_logfile = %s
                stdout_logfile_maxbytes = 0
                """.formatted(script, dir.resolve("progress"), dir.resolve("stop"), dir.resolve("counter.log")));
        options.add(frameworkProperty("logging.itest.dir").value(dir.toString()));
        return options.toArray(new Option[0]);
    }

    private Path dir() {
        return Path.of(context.getProperty("logging.itest.dir"));
    }

    private int progress() {
        try {
            Path p = dir().resolve("progress");
            return Files.exists(p) ? Integer.parseInt(Files.readString(p).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1; // being replaced: read again
        }
    }

    private List<String> logLines() {
        try {
            Path log = dir().resolve("counter.log");
            return Files.exists(log) ? Files.readAllLines(log) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void childWrites(int lines) {
        int from = progress();
        Poll.until(WAIT, lines + " more lines from the child", () -> progress() >= from + lines);
    }

    private static long runningPid(ProcessManager manager) {
        return Poll.until(WAIT, "counter RUNNING", () -> manager.allProcessInfo().stream()
                .filter(p -> p.name().equals("counter") && p.state() == ProcessState.RUNNING)
                .map(ProcessInfo::pid).findFirst());
    }

    @Test
    public void everyLineWrittenAcrossAStopStartAndUpdateOfTheLoggingBundleIsLoggedOnceInOrder() throws Exception {
        ServiceTracker<ProcessManager, ProcessManager> tracker = new ServiceTracker<>(context, ProcessManager.class, null);
        tracker.open();
        ProcessManager manager = tracker.waitForService(WAIT.toMillis());
        assertNotNull("no ProcessManager", manager);
        long pid = runningPid(manager);
        Poll.until(WAIT, "the first lines in the log", () -> logLines().size() >= 100);
        Bundle logging = Arrays.stream(context.getBundles())
                .filter(b -> "io.jsupervisor.logging".equals(b.getSymbolicName())).findFirst().orElseThrow();

        logging.stop();
        int linesAtStop = logLines().size();
        childWrites(WHILE_AWAY);
        assertTrue("nothing is written while the bundle is stopped",
                logLines().size() <= linesAtStop + 1);
        logging.start();
        int writtenWhileAway = progress();
        Poll.until(WAIT, "the lines written while away in the log",
                () -> logLines().size() > writtenWhileAway);

        childWrites(WHILE_AWAY / 3);
        Path jar = Distribution.ourBundles().stream()
                .filter(p -> p.getFileName().toString().startsWith("jsupervisor-logging-")).findFirst().orElseThrow();
        try (InputStream in = Files.newInputStream(jar)) {
            logging.update(in);
        }
        assertEquals(Bundle.ACTIVE, logging.getState());
        childWrites(WHILE_AWAY);

        Files.writeString(dir().resolve("stop"), "");
        String end = Poll.until(WAIT, "the child's END line in the log", () -> {
            List<String> l = logLines();
            return l.isEmpty() || !l.get(l.size() - 1).startsWith("END ") ? Optional.empty()
                    : Optional.of(l.get(l.size() - 1));
        });
        List<String> lines = logLines();
        int count = Integer.parseInt(end.substring(4));
        assertEquals("one line per number plus END", count + 1, lines.size());
        for (int i = 0; i < count; i++) {
            if (!lines.get(i).equals(String.format("line %08d", i))) {
                throw new AssertionError("line " + i + " is '" + lines.get(i) + "' (lost or repeated output near it)");
            }
        }
        assertTrue("the child wrote through all the steps: " + count, count > 3 * WHILE_AWAY);
        assertEquals("the same child throughout", pid, runningPid(manager));
        assertEquals(ProcessState.RUNNING, manager.processInfo("counter").state());
        manager.stopProcess("counter", true);
        tracker.close();
    }
}
