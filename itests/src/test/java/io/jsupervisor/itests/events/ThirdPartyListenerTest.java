package io.jsupervisor.itests.events;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEventListener;
import io.jsupervisor.itests.Poll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.osgi.framework.ServiceRegistration;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Two bundles built by the test and installed next to the distribution's bundles, knowing only the published
 * contracts: a {@code SupervisorEventListener} whiteboard service (imports only {@code io.jsupervisor.api})
 * and an Event Admin handler on {@code io/jsupervisor/event/*} (imports only {@code org.osgi.service.event}).
 * Both receive the events of a real program's stop and start, a remote communication and a tick, with the
 * reference's payload fields.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ThirdPartyListenerTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws Exception {
        Path dir = Files.createTempDirectory("jsupervisor-events-thirdparty-");
        List<Option> options = PaxFramework.options(dir, """
                [program:flip]
                command = /bin/sleep 987611
                startsecs = 0
                """);
        options.add(frameworkProperty("events.itest.dir").value(dir.toString()));
        options.add(bundle(ThirdPartyBundles.typedListener(dir, dir.resolve("typed.record")).toUri().toString()));
        options.add(bundle(ThirdPartyBundles.eventAdminHandler(dir, dir.resolve("topics.record")).toUri().toString()));
        return options.toArray(new Option[0]);
    }

    private Path dir() {
        return Path.of(context.getProperty("events.itest.dir"));
    }

    private ProcessManager manager() throws InterruptedException {
        ServiceTracker<ProcessManager, ProcessManager> tracker = new ServiceTracker<>(context, ProcessManager.class, null);
        tracker.open();
        ProcessManager manager = tracker.waitForService(WAIT.toMillis());
        assertNotNull("no ProcessManager", manager);
        return manager;
    }

    private static long runningPid(ProcessManager manager) {
        return Poll.until(WAIT, "flip RUNNING", () -> manager.allProcessInfo().stream()
                .filter(p -> p.name().equals("flip") && p.state() == ProcessState.RUNNING)
                .map(ProcessInfo::pid).findFirst());
    }

    private static List<String> awaitLines(Path record, List<String> expected) {
        Poll.until(WAIT, expected + " in " + record, () -> PaxFramework.lines(record).containsAll(expected));
        return PaxFramework.lines(record);
    }

    @Test
    public void thirdPartyBundlesImportOnlyThePublishedContracts() {
        for (String name : List.of("thirdparty.typed.listener", "thirdparty.eventadmin.handler")) {
            Bundle bundle = Arrays.stream(context.getBundles()).filter(b -> name.equals(b.getSymbolicName()))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " not installed"));
            assertEquals(name + " ACTIVE", Bundle.ACTIVE, bundle.getState());
            assertEquals(name.contains("typed") ? "io.jsupervisor.api;version=\"[1.0,2)\""
                    : "org.osgi.service.event;version=\"[1.4,2)\"", bundle.getHeaders().get("Import-Package"));
        }
    }

    @Test
    public void typedListenerAndEventAdminHandlerSeeAProgramStopAndStart() throws Exception {
        ProcessManager manager = manager();
        long first = runningPid(manager);
        assertTrue(manager.stopProcess("flip", true).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertTrue(manager.startProcess("flip", true).get(WAIT.toSeconds(), TimeUnit.SECONDS));
        long second = runningPid(manager);

        String base = "processname:flip groupname:flip from_state:";
        awaitLines(dir().resolve("typed.record"), List.of(
                "PROCESS_STATE_STOPPING " + base + "RUNNING pid:" + first,
                "PROCESS_STATE_STOPPED " + base + "STOPPING pid:" + first,
                "PROCESS_STATE_STARTING " + base + "STOPPED tries:0",
                "PROCESS_STATE_RUNNING " + base + "STARTING pid:" + second));

        String topic = "io/jsupervisor/event/";
        String group = " groupname=flip";
        String process = " processname=flip";
        awaitLines(dir().resolve("topics.record"), List.of( // keys sorted
                topic + "PROCESS_STATE_STOPPING from_state=RUNNING" + group + " pid=" + first + process,
                topic + "PROCESS_STATE_STOPPED from_state=STOPPING" + group + " pid=" + first + process,
                topic + "PROCESS_STATE_STARTING from_state=STOPPED" + group + process + " tries=0",
                topic + "PROCESS_STATE_RUNNING from_state=STARTING" + group + " pid=" + second + process));
    }

    @Test
    public void remoteCommunicationCarriesTypeAndBody() throws Exception {
        manager().sendRemoteCommEvent("thirdparty", "some data\nline2");
        awaitLines(dir().resolve("typed.record"),
                List.of("REMOTE_COMMUNICATION type:thirdparty\\nsome data\\nline2"));
        awaitLines(dir().resolve("topics.record"),
                List.of("io/jsupervisor/event/REMOTE_COMMUNICATION body=some data\\nline2 type=thirdparty"));
    }

    @Test
    public void slowAndThrowingInJvmListenersDelayNobody() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        SupervisorEventListener stuck = event -> {
            try {
                release.await(); // blocks its delivery thread until the test ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        SupervisorEventListener throwing = event -> {
            throw new IllegalStateException("a broken listener");
        };
        List<ServiceRegistration<?>> registrations = List.of(
                context.registerService(SupervisorEventListener.class, stuck, null),
                context.registerService(SupervisorEventListener.class, throwing, null));
        try {
            ProcessManager manager = manager();
            for (int i = 0; i < 3; i++) {
                manager.sendRemoteCommEvent("unblocked", "n" + i);
            }
            long began = System.nanoTime();
            awaitLines(dir().resolve("typed.record"), List.of("REMOTE_COMMUNICATION type:unblocked\\nn0",
                    "REMOTE_COMMUNICATION type:unblocked\\nn1", "REMOTE_COMMUNICATION type:unblocked\\nn2"));
            assertTrue("the engine still answers", manager.allProcessInfo().size() >= 1);
            assertTrue("delivered within 5 s", System.nanoTime() - began < TimeUnit.SECONDS.toNanos(5));
        } finally {
            release.countDown();
            registrations.forEach(ServiceRegistration::unregister);
        }
    }

    @Test
    public void everyTickSeenIsOnItsPeriodsBoundary() {
        tickFiveComesOnAFiveSecondBoundary();
        for (String line : PaxFramework.lines(dir().resolve("typed.record"))) {
            if (line.startsWith("TICK_")) { // TICK_60 and TICK_3600 when the run crosses their boundary
                long period = Long.parseLong(line.substring(5, line.indexOf(' ')));
                assertEquals(line, 0, Long.parseLong(line.substring(line.indexOf(':') + 1)) % period);
            }
        }
    }

    @Test
    public void tickFiveComesOnAFiveSecondBoundary() {
        String tick = Poll.until(Duration.ofSeconds(12), "a TICK_5", () -> PaxFramework.lines(dir().resolve("typed.record"))
                .stream().filter(l -> l.startsWith("TICK_5 when:")).findFirst());
        long when = Long.parseLong(tick.substring("TICK_5 when:".length()));
        assertEquals(tick, 0, when % 5);
        assertTrue(tick, Math.abs(System.currentTimeMillis() / 1000 - when) < 30);
        String admin = Poll.until(Duration.ofSeconds(12), "a TICK_5 topic", () -> PaxFramework.lines(dir().resolve("topics.record"))
                .stream().filter(l -> l.startsWith("io/jsupervisor/event/TICK_5 when=")).findFirst());
        assertEquals(0, Long.parseLong(admin.substring(admin.indexOf('=') + 1)) % 5);
    }
}
