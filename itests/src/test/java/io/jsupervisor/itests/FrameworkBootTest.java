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
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

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
        List<Option> options = new ArrayList<>(List.of(
                systemProperty("org.ops4j.pax.url.mvn.localRepository")
                        .value(System.getProperty("jsupervisor.m2", System.getProperty("user.home") + "/.m2/repository")),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value(System.getProperty("paxexam.log", "WARN")),
                frameworkProperty("jsupervisor.config").value(conf.toString()),
                frameworkProperty("jsupervisor.option.nodaemon").value("true"),
                // appended to Pax Exam's own extra system packages (replacing them breaks its probe lookup)
                systemPackage("sun.misc"),
                frameworkProperty("org.apache.felix.http.enable").value("false"),
                frameworkProperty("org.apache.felix.https.enable").value("false"),
                mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.log").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.eventadmin").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.metatype").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject(),
                mavenBundle("org.ow2.asm", "asm").versionAsInProject(),
                mavenBundle("org.ow2.asm", "asm-commons").versionAsInProject(),
                mavenBundle("org.ow2.asm", "asm-tree").versionAsInProject(),
                mavenBundle("org.ow2.asm", "asm-analysis").versionAsInProject(),
                mavenBundle("org.ow2.asm", "asm-util").versionAsInProject(),
                mavenBundle("org.apache.aries.spifly", "org.apache.aries.spifly.dynamic.bundle").versionAsInProject(),
                mavenBundle("org.slf4j", "slf4j-api").versionAsInProject(),
                mavenBundle("org.slf4j", "slf4j-simple").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.http.servlet-api").versionAsInProject(),
                mavenBundle("commons-io", "commons-io").versionAsInProject(),
                mavenBundle("commons-fileupload", "commons-fileupload").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.http.jetty12").versionAsInProject(),
                mavenBundle("org.eclipse.jetty", "jetty-unixdomain-server").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.runtime").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.command").versionAsInProject(),
                junitBundles(),
                cleanCaches()));
        for (Path jar : Distribution.ourBundles()) {
            options.add(bundle(jar.toUri().toString()));
        }
        return options.toArray(new Option[0]);
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
