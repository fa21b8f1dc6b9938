package io.jsupervisor.core.internal;

import static io.jsupervisor.core.internal.Specs.config;
import static io.jsupervisor.core.internal.Specs.proc;
import static io.jsupervisor.core.internal.Specs.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.Fault;
import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.config.GroupKind;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.ProcessSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** healthcheck with real programs: HTTP, TCP and exec checks, the actions, readiness, events, the API. */
class HealthCheckTest {
    static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    /** A program group whose process has {@code options} (what the config bundle keeps as text). */
    static GroupSpec program(Specs.Proc p, String... options) {
        ProcessSpec s = p.build();
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            o.put(options[i], options[i + 1]);
        }
        ProcessSpec withOptions = new ProcessSpec(s.name(), s.programName(), s.groupName(), s.processNum(),
                s.command(), s.priority(), s.autostart(), s.startsecs(), s.startretries(), s.autorestart(),
                s.exitcodes(), s.stopsignal(), s.stopwaitsecs(), s.stopasgroup(), s.killasgroup(), s.user(), s.uid(),
                s.redirectStderr(), s.stdout(), s.stderr(), s.environment(), s.directory(), s.umask(), s.serverurl(),
                o);
        return new GroupSpec(s.name(), s.priority(), GroupKind.PROGRAM, List.of(withOptions), null);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String httpServer(int port) {
        return PYTHON + " -m http.server " + port + " --bind 127.0.0.1";
    }

    static void signal(long pid, String sig) throws Exception {
        assertEquals(0, new ProcessBuilder("/usr/bin/kill", "-s", sig, Long.toString(pid)).start().waitFor());
    }

    private static HealthState health(Harness h, String name) {
        return h.pm.health(name).state();
    }

    @Test
    void aHungHttpServerIsRestartedWithANewPidAfterItsRetries() throws Exception {
        int port = freePort();
        try (Harness h = new Harness(config(dir, program(proc("web", httpServer(port)).directory(dir.toString())
                .stopwaitsecs(2), "healthcheck", "http://127.0.0.1:" + port + "/", "healthcheck_interval", "0.3",
                "healthcheck_timeout", "0.5", "healthcheck_retries", "2")))) {
            h.await("healthy", Duration.ofSeconds(15), () -> health(h, "web") == HealthState.HEALTHY);
            HealthInfo ok = h.pm.health("web");
            assertEquals("HTTP 200", ok.lastResult());
            assertEquals("http://127.0.0.1:" + port + "/", ok.check());
            long first = h.info("web").pid();
            signal(first, "STOP"); // still accepts connections (the kernel does), but never answers
            h.await("restarted", Duration.ofSeconds(20), () -> h.info("web").pid() != first
                    && h.info("web").state() == ProcessState.RUNNING && health(h, "web") == HealthState.HEALTHY);
            SupervisorEvent bad = h.firstEvent(EventType.PROCESS_HEALTH_UNHEALTHY);
            assertEquals("processname:web groupname:web from_state:HEALTHY pid:" + first
                    + " failures:2\ntimed out after 0.5 s", bad.payload());
            assertTrue(h.messages().contains("unhealthy: web (timed out after 0.5 s; 2 failed checks in a row), "
                    + "restarting"), h.messages().toString());
            SupervisorEvent good = h.events(EventType.PROCESS_HEALTH_HEALTHY).get(0);
            assertEquals("processname:web groupname:web from_state:STARTING pid:" + first + "\nHTTP 200",
                    good.payload());
            assertFalse(ProcessHandle.of(first).map(ProcessHandle::isAlive).orElse(false), "the hung one is gone");
        }
    }

    @Test
    void readyKeepsAProgramStartingUntilItsPortAnswers() throws Exception {
        int port = freePort();
        String slow = sh("sleep 2.5; exec " + httpServer(port));
        try (Harness h = new Harness(config(dir, program(proc("slow", slow).directory(dir.toString()).startsecs(1),
                "healthcheck", "tcp://127.0.0.1:" + port, "healthcheck_ready", "true",
                "healthcheck_start_period", "10", "healthcheck_interval", "5")))) {
            h.awaitState("slow", ProcessState.RUNNING, 20);
            assertEquals(HealthState.HEALTHY, health(h, "slow"));
            assertEquals("connected", h.pm.health("slow").lastResult());
            int healthy = h.events.indexOf(h.firstEvent(EventType.PROCESS_HEALTH_HEALTHY));
            int running = h.events.indexOf(h.firstEvent(EventType.PROCESS_STATE_RUNNING));
            assertTrue(healthy < running, "RUNNING only after the first pass: " + h.events);
            double startedFor = h.info("slow").now() - h.info("slow").start();
            assertTrue(startedFor >= 2, "not RUNNING at startsecs=1 already");
            assertTrue(h.engine.call(() -> h.engine.groups.get("slow").processes.get("slow").readyForDependents()));
        }
    }

    @Test
    void aReadyProgramThatNeverPassesFailsItsStartsAndEndsFatal() throws Exception {
        int port = freePort(); // nothing listens there
        try (Harness h = new Harness(config(dir, program(proc("never", "sleep 60").startsecs(0).startretries(1),
                "healthcheck", "tcp://127.0.0.1:" + port, "healthcheck_ready", "true", "healthcheck_interval", "0.2",
                "healthcheck_retries", "2")))) {
            h.awaitState("never", ProcessState.FATAL, 20);
            assertEquals("Not healthy: connection refused", h.info("never").spawnerr());
            assertEquals(2, h.events(EventType.PROCESS_STATE_BACKOFF).size());
            assertTrue(h.events(EventType.PROCESS_STATE_RUNNING).isEmpty(), "never RUNNING");
            assertEquals(HealthState.STARTING, health(h, "never"));
        }
    }

    @Test
    void aFailedStartThatPassesWhileItShutsDownIsStillAFailedStart() throws Exception {
        // the TERM handler makes the check pass for the two seconds it takes to exit (a server answering while it
        // drains): the start has failed all the same, so BACKOFF and FATAL, never RUNNING and autorestarted
        Path flag = dir.resolve("flag");
        try (Harness h = new Harness(config(dir, program(proc("drain", sh("trap 'touch " + flag + "; sleep 2; "
                        + "rm -f " + flag + "; exit 0' TERM; while :; do sleep 0.05; done")).startsecs(0).startretries(0)
                        .stopwaitsecs(5),
                "healthcheck", "exec:test -f " + flag, "healthcheck_ready", "true", "healthcheck_interval", "0.1",
                "healthcheck_retries", "1")))) {
            h.awaitState("drain", ProcessState.FATAL, 20);
            assertTrue(h.events(EventType.PROCESS_STATE_RUNNING).isEmpty(), "never RUNNING");
            assertEquals(1, h.events(EventType.PROCESS_STATE_STARTING).size());
        }
    }

    @Test
    void aStopDuringAnUnhealthyRestartKeepsTheProgramStopped() throws Exception {
        // slow to stop, so the user's stop arrives while the health check's restart is stopping it
        try (Harness h = new Harness(config(dir, program(proc("slow", sh("trap 'sleep 1; exit 0' TERM; echo ready; "
                        + "while :; do sleep 0.05; done")).startsecs(0).stopwaitsecs(5),
                "healthcheck", "exec:exit 3", "healthcheck_interval", "0.2", "healthcheck_retries", "1")))) {
            h.awaitState("slow", ProcessState.STOPPING, 15);
            assertTrue(h.pm.stopProcess("slow", true).get(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(ProcessState.STOPPED, h.info("slow").state());
            h.awaitLog("not restarting slow: stopped by request", 5);
            h.engine.call(() -> null); // a pass after the stop: it would have started it again there
            assertEquals(1, h.events(EventType.PROCESS_STATE_STARTING).size(), "not started again");
            assertEquals(ProcessState.STOPPED, h.info("slow").state());
        }
    }

    @Test
    void anExecCheckRunsInTheProgramsDirectoryAndEnvironmentAndActionNoneOnlyReports() throws Exception {
        Path marker = dir.resolve("ok");
        try (Harness h = new Harness(config(dir, program(proc("job", "sleep 60").startsecs(0)
                .directory(dir.toString()).env("HC", "yes"), "healthcheck", "exec:test -f ./ok && test \"$HC\" = yes",
                "healthcheck_interval", "0.2", "healthcheck_retries", "2", "healthcheck_action", "none")))) {
            h.await("unhealthy", Duration.ofSeconds(15), () -> health(h, "job") == HealthState.UNHEALTHY);
            long pid = h.info("job").pid();
            assertEquals("exit 1", h.pm.health("job").lastResult());
            assertEquals(2, h.pm.health("job").failures());
            Files.writeString(marker, "");
            h.await("healthy", Duration.ofSeconds(15), () -> health(h, "job") == HealthState.HEALTHY);
            assertEquals("exit 0", h.pm.health("job").lastResult());
            assertEquals(pid, h.info("job").pid(), "action none leaves the program alone");
            assertEquals("processname:job groupname:job from_state:STARTING pid:" + pid + " failures:2\nexit 1",
                    h.firstEvent(EventType.PROCESS_HEALTH_UNHEALTHY).payload());
            assertEquals("UNHEALTHY", h.firstEvent(EventType.PROCESS_HEALTH_HEALTHY).headers().get("from_state"));
        }
    }

    @Test
    void actionStopStopsTheProgramForGood() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("svc", "sleep 60").startsecs(0),
                "healthcheck", "exec:exit 3", "healthcheck_interval", "0.2", "healthcheck_retries", "1",
                "healthcheck_action", "stop")))) {
            h.awaitState("svc", ProcessState.STOPPED, 15);
            assertTrue(h.messages().contains("unhealthy: svc (exit 3; 1 failed checks in a row), stopping"));
            assertEquals(1, h.events(EventType.PROCESS_STATE_STARTING).size(), "not started again");
            assertFalse(h.engine.call(() -> h.engine.groups.get("svc").processes.get("svc").readyForDependents()));
        }
    }

    @Test
    void failuresInTheStartPeriodDoNotCount() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("warm", "sleep 60").startsecs(0),
                "healthcheck", "exec:exit 1", "healthcheck_interval", "0.1", "healthcheck_retries", "1",
                "healthcheck_start_period", "3", "healthcheck_action", "none")))) {
            h.await("a check ran", Duration.ofSeconds(10), () -> h.pm.health("warm").lastCheck() > 0);
            java.time.Instant spawned = ProcessHandle.of(h.info("warm").pid()).orElseThrow().info().startInstant()
                    .orElseThrow();
            boolean early = Duration.between(spawned, java.time.Instant.now()).toMillis() < 2500;
            if (early) { // on a very slow machine the first result may come late; then this part proves nothing
                assertEquals(HealthState.STARTING, health(h, "warm"));
                assertEquals(0, h.pm.health("warm").failures());
            }
            h.await("unhealthy after the start period", Duration.ofSeconds(15),
                    () -> health(h, "warm") == HealthState.UNHEALTHY);
            long since = Duration.between(spawned, java.time.Instant.now()).toMillis();
            assertTrue(since >= 2900, "not before the start period ended: " + since + " ms");
        }
    }

    @Test
    void healthOfEveryProcessAndFaults() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("plain", "sleep 60").startsecs(0)),
                program(proc("checked", "sleep 60").startsecs(0), "healthcheck", "exec:true",
                        "healthcheck_interval", "0.2")))) {
            h.await("healthy", Duration.ofSeconds(10), () -> health(h, "checked") == HealthState.HEALTHY);
            List<HealthInfo> all = h.pm.allHealth();
            assertEquals(List.of("checked", "plain"), all.stream().map(HealthInfo::name).toList());
            assertEquals(new HealthInfo("plain", HealthState.NONE, "", 0, "", 0), all.get(1));
            assertEquals("exec:true", all.get(0).check());
            assertEquals(Fault.BAD_NAME, assertThrows(SupervisorException.class, () -> h.pm.health("nope")).fault());
            assertTrue(h.engine.call(() -> h.engine.groups.get("plain").processes.get("plain").readyForDependents()));
            h.pm.stopProcess("checked", true).get();
            assertEquals(HealthState.STARTING, health(h, "checked"), "no verdict while not running");
            assertTrue(h.events(EventType.PROCESS_HEALTH_UNHEALTHY).isEmpty());
        }
    }
}
