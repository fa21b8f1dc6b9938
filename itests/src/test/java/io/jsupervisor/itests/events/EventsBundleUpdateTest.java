package io.jsupervisor.itests.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Hot swap: the events bundle is updated while a slow protocol listener still has events waiting in its pool's
 * queue and a program keeps changing state. The listener (a python3 script) records every envelope; every state
 * change of the program must reach it, in order (a duplicate is allowed: delivery is at least once).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EventsBundleUpdateTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int CYCLES_BEFORE = 3;
    private static final int CYCLES_AFTER = 2;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws Exception {
        Path dir = Files.createTempDirectory("jsupervisor-events-update-");
        Path script = dir.resolve("recording_listener.py");
        try (InputStream in = EventsBundleUpdateTest.class.getResourceAsStream("/events/recording_listener.py")) {
            Files.copy(in, script);
        }
        List<Option> options = PaxFramework.options(dir, """
                [program:flip]
                command = /bin/sleep 987612
                startsecs = 0

                [eventlistener:rec]
                command = /usr/bin/python3 -u %s %s 0.2
                events = PROCESS_STATE
                buffer_size = 1024
                startsecs = 1
                """.formatted(script, dir.resolve("rec.events")));
        options.add(frameworkProperty("events.itest.dir").value(dir.toString()));
        return options.toArray(new Option[0]);
    }

    private Path record() {
        return Path.of(context.getProperty("events.itest.dir")).resolve("rec.events");
    }

    /** The flip events the listener got: {@code EVENTNAME payload}, in the order received. */
    private List<String> flipEvents() {
        List<String> flips = new ArrayList<>();
        for (String line : PaxFramework.lines(record())) {
            if (line.contains(" payload=processname:flip ")) {
                String name = line.substring(line.indexOf("eventname:") + 10, line.indexOf(" len:"));
                flips.add(name + " " + line.substring(line.indexOf(" payload=") + 9));
            }
        }
        return flips;
    }

    private static long runningPid(ProcessManager manager, String name) {
        return Poll.until(WAIT, name + " RUNNING", () -> manager.allProcessInfo().stream()
                .filter(p -> p.name().equals(name) && p.state() == ProcessState.RUNNING)
                .map(ProcessInfo::pid).findFirst());
    }

    /** Stops and starts flip; adds the four events that makes to {@code expected}. */
    private static void cycle(ProcessManager manager, List<String> expected) throws Exception {
        long before = runningPid(manager, "flip");
        assertTrue(manager.stopProcess("flip", true).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(manager.startProcess("flip", true).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        long after = runningPid(manager, "flip");
        String base = "processname:flip groupname:flip from_state:";
        expected.add("PROCESS_STATE_STOPPING " + base + "RUNNING pid:" + before);
        expected.add("PROCESS_STATE_STOPPED " + base + "STOPPING pid:" + before);
        expected.add("PROCESS_STATE_STARTING " + base + "STOPPED tries:0");
        expected.add("PROCESS_STATE_RUNNING " + base + "STARTING pid:" + after);
    }

    /** True when {@code expected} occurs in {@code received} in order; other lines (duplicates) may sit between. */
    private static boolean inOrder(List<String> received, List<String> expected) {
        int next = 0;
        for (String line : received) {
            if (next < expected.size() && line.equals(expected.get(next))) {
                next++;
            }
        }
        return next == expected.size();
    }

    @Test
    public void eventsQueuedInAPoolSurviveAnUpdateOfTheEventsBundle() throws Exception {
        ServiceTracker<ProcessManager, ProcessManager> tracker = new ServiceTracker<>(context, ProcessManager.class, null);
        tracker.open();
        ProcessManager manager = tracker.waitForService(WAIT.toMillis());
        assertNotNull("no ProcessManager", manager);
        runningPid(manager, "rec");
        // flip may have started before the events bundle (the pools then adopt a running daemon): one cycle to
        // see the pipeline work
        List<String> warmUp = new ArrayList<>();
        cycle(manager, warmUp);
        Poll.until(WAIT, "the listener got " + warmUp, () -> inOrder(flipEvents(), warmUp));
        int receivedAtStart = flipEvents().size();

        List<String> expected = new ArrayList<>();
        for (int i = 0; i < CYCLES_BEFORE; i++) {
            cycle(manager, expected);
        }
        Bundle events = Arrays.stream(context.getBundles())
                .filter(b -> "io.jsupervisor.events".equals(b.getSymbolicName())).findFirst().orElseThrow();
        int receivedBefore = flipEvents().size() - receivedAtStart;
        Path jar = Distribution.ourBundles().stream()
                .filter(p -> p.getFileName().toString().startsWith("jsupervisor-events-")).findFirst().orElseThrow();
        try (InputStream in = Files.newInputStream(jar)) {
            events.update(in);
        }
        assertEquals(Bundle.ACTIVE, events.getState());
        assertTrue("events must still be queued at the update (the listener answers slowly): got "
                + receivedBefore + " of " + expected.size(), receivedBefore < expected.size());

        for (int i = 0; i < CYCLES_AFTER; i++) {
            cycle(manager, expected);
        }
        Poll.until(WAIT, "every flip event at the listener, in order: " + expected,
                () -> inOrder(flipEvents(), expected));
        assertEquals(ProcessState.RUNNING, manager.processInfo("rec").state());
    }
}
