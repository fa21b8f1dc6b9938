package io.jsupervisor.itests;

import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessState;
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

import javax.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/**
 * The distribution's bundle set in a Pax Exam (native Felix) framework: every bundle ACTIVE, the ProcessManager
 * registered, and a configured program RUNNING. JUnit 4 style: Pax Exam has no JUnit 5 driver; the vintage engine
 * runs it on the JUnit Platform.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FrameworkBootTest {
    private static final Duration START = Duration.ofSeconds(30);

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() throws IOException {
        Path dir = Files.createTempDirectory("jsupervisor-paxexam-");
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, """
                [supervisord]
                logfile = %s/supervisord.log
                pidfile = %s/supervisord.pid
                childlogdir = %s
                nodaemon = true

                [program:sleeper]
                command = /bin/sleep 987602
                startsecs = 1
                """.formatted(dir, dir, dir));
        return PaxBundles.daemonOn(conf).toArray(new Option[0]);
    }

    @Test
    public void everyBundleIsActive() {
        List<String> inactive = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            boolean fragment = bundle.getHeaders().get("Fragment-Host") != null;
            if (!fragment && bundle.getState() != Bundle.ACTIVE) {
                inactive.add(bundle.getSymbolicName() + " (state " + bundle.getState() + ")");
            }
        }
        assertEquals("bundles not ACTIVE", List.of(), inactive);
        for (String ours : List.of("io.jsupervisor.config", "io.jsupervisor.core", "io.jsupervisor.logging",
                "io.jsupervisor.rpc-xml")) {
            assertTrue(ours + " installed", java.util.Arrays.stream(context.getBundles())
                    .anyMatch(b -> ours.equals(b.getSymbolicName())));
        }
    }

    @Test
    public void configuredProgramReachesRunningThroughTheProcessManager() throws Exception {
        ServiceTracker<ProcessManager, ProcessManager> tracker = new ServiceTracker<>(context, ProcessManager.class, null);
        tracker.open();
        try {
            ProcessManager manager = tracker.waitForService(START.toMillis());
            assertNotNull("no ProcessManager service within " + START.toSeconds() + " s", manager);
            ProcessInfo running = Poll.until(START, "sleeper RUNNING", () -> manager.allProcessInfo().stream()
                    .filter(p -> p.name().equals("sleeper") && p.state() == ProcessState.RUNNING).findFirst());
            assertTrue("a real pid", running.pid() > 0);
            assertTrue(ProcessHandle.of(running.pid()).map(ProcessHandle::isAlive).orElse(false));
            String command = ProcessHandle.of(running.pid()).flatMap(h -> h.info().command()).orElse("");
            assertTrue(command, command.endsWith("/sleep"));
        } finally {
            tracker.close();
        }
    }
}
