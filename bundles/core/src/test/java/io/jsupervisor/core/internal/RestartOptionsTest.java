package io.jsupervisor.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.config.ConfigLoader;
import io.jsupervisor.config.LoadContext;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our restart options and environment_file with real programs, from the text of a supervisord.conf (read by
 * the config module) to the child: back-off timings, retry_forever, restart_pause, remember_stopped.
 */
class RestartOptionsTest {
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    /** When each STARTING event of a process arrived (the listener runs as events are delivered). */
    private final List<Long> startingNanos = new CopyOnWriteArrayList<>();
    private final List<Long> exitedNanos = new CopyOnWriteArrayList<>();

    private SupervisorConfig load(String sections) throws Exception {
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, "[supervisord]\nlogfile=%(here)s/supervisord.log\npidfile=%(here)s/supervisord.pid\n"
                + "childlogdir=%(here)s\n" + sections);
        return ConfigLoader.load(conf, new LoadContext(System.getenv(), "testhost", dir, Map.of()));
    }

    private Harness timed(SupervisorConfig config) {
        return new Harness(config, engine -> engine.events.listeners().add(e -> {
            if (e.type() == EventType.PROCESS_STATE_STARTING) {
                startingNanos.add(System.nanoTime());
            } else if (e.type() == EventType.PROCESS_STATE_EXITED) {
                exitedNanos.add(System.nanoTime());
            }
        }, "starting-times"));
    }

    private List<Long> gapsMillis() {
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < startingNanos.size(); i++) {
            gaps.add((startingNanos.get(i) - startingNanos.get(i - 1)) / MS);
        }
        return gaps;
    }

    /**
     * A gap between two starts: the back-off wait plus the child's short life and the loop's latency (up to
     * +900 ms on a loaded machine), minus what the delivery of the earlier event may have lagged (-250 ms).
     */
    private static void assertWait(long expectedSeconds, long gapMillis, List<Long> all) {
        assertTrue(gapMillis >= expectedSeconds * 1000 - 250 && gapMillis < expectedSeconds * 1000 + 900,
                "expected about " + expectedSeconds + " s between starts, gaps (ms) " + all);
    }

    @Test
    void exponentialBackoffDoublesTheWaitBetweenStarts() throws Exception {
        try (Harness h = timed(load("[program:bad]\ncommand=false\nstartsecs=1\nstartretries=3\n"
                + "backoff=exponential\nstdout_logfile=NONE\nstderr_logfile=NONE\n"))) {
            h.awaitState("bad", ProcessState.FATAL, 15);
            List<Long> gaps = gapsMillis();
            assertEquals(3, gaps.size(), "four starts: " + gaps);
            assertWait(1, gaps.get(0), gaps);
            assertWait(2, gaps.get(1), gaps);
            assertWait(4, gaps.get(2), gaps); // linear would be 3
            h.awaitLog("gave up: bad entered FATAL state, too many start retries too quickly", 2);
        }
    }

    @Test
    void backoffMaxCapsTheWaitAndRetryForeverNeverGivesUp() throws Exception {
        try (Harness h = timed(load("[program:bad]\ncommand=false\nstartsecs=1\nstartretries=1\n"
                + "backoff=exponential\nbackoff_max=1\nretry_forever=true\nstdout_logfile=NONE\n"
                + "stderr_logfile=NONE\n"))) {
            // startretries=1 alone gives up after the 2nd failure; here the 4th failure is followed by a 5th start
            h.await("a fifth start", Duration.ofSeconds(10), () -> startingNanos.size() >= 5);
            List<Long> gaps = gapsMillis();
            for (int i = 0; i < 4; i++) {
                assertWait(1, gaps.get(i), gaps); // uncapped: 1, 2, 4, 8
            }
            assertTrue(h.events(EventType.PROCESS_STATE_FATAL).isEmpty());
            assertEquals(0, h.count("gave up: bad entered FATAL state, too many start retries too quickly"));
            List<String> tries = new ArrayList<>();
            for (SupervisorEvent e : h.events(EventType.PROCESS_STATE_BACKOFF)) {
                tries.add(e.headers().get("tries"));
            }
            assertEquals(List.of("1", "2", "3", "4"), tries.subList(0, 4), "tries go on counting");
            h.pm.stopProcess("bad", true).get(); // a stop request still ends the retries
            h.awaitState("bad", ProcessState.STOPPED, 5);
        }
    }

    @Test
    void restartPauseHoldsExitedForThePauseThenStarts() throws Exception {
        try (Harness h = timed(load("[program:short]\ncommand=/bin/sh -c 'sleep 0.2'\nstartsecs=0\n"
                + "autorestart=true\nrestart_pause=2\nstdout_logfile=NONE\nstderr_logfile=NONE\n"))) {
            h.awaitState("short", ProcessState.EXITED, 5);
            h.awaitLog("waiting 2 seconds before restarting short (restart_pause)", 2);
            h.await("a second start", Duration.ofSeconds(6), () -> startingNanos.size() >= 2);
            long waited = (startingNanos.get(1) - exitedNanos.get(0)) / MS;
            assertTrue(waited >= 1750 && waited < 2900, "restarted " + waited + " ms after the exit");
            // what was seen meanwhile: EXITED straight to STARTING, no other state
            List<SupervisorEvent> after = h.events.subList(h.events.indexOf(h.firstEvent(
                    EventType.PROCESS_STATE_EXITED)) + 1, h.events.size());
            assertEquals(EventType.PROCESS_STATE_STARTING, after.stream().filter(e -> e.type().name()
                    .startsWith("PROCESS_STATE_")).findFirst().orElseThrow().type());
        }
    }

    @Test
    void aStopDuringRestartPauseCancelsTheRestart() throws Exception {
        try (Harness h = new Harness(load("[program:short]\ncommand=/bin/sh -c 'sleep 0.2'\nstartsecs=0\n"
                + "autorestart=true\nrestart_pause=30\nstdout_logfile=NONE\nstderr_logfile=NONE\n"
                + "[program:done]\ncommand=/bin/sh -c 'sleep 0.2'\nstartsecs=0\nautorestart=false\n"
                + "restart_pause=30\nstdout_logfile=NONE\nstderr_logfile=NONE\n"))) {
            h.awaitState("short", ProcessState.EXITED, 5);
            h.awaitState("done", ProcessState.EXITED, 5);
            // stop all takes the paused one (no autorestart pending for "done": not running, left out)
            List<io.jsupervisor.api.ProcessResult> results = h.pm.stopAllProcesses(true).get();
            assertEquals(1, results.size(), results.toString());
            assertEquals("short", results.get(0).name());
            assertEquals(ProcessState.STOPPED, h.info("short").state());
            assertEquals(ProcessState.EXITED, h.info("done").state());
            h.awaitLog("stopped: short (restart_pause cancelled)", 2);
            assertEquals("EXITED", h.firstEvent(EventType.PROCESS_STATE_STOPPED).headers().get("from_state"));
            assertEquals("NOT_RUNNING: short", OperationsTest.fault(h.pm.stopProcess("short", true)).getMessage());
        }
    }

    @Test
    void withoutRestartPauseAnExitedProgramIsRestartedAtOnce() throws Exception {
        try (Harness h = timed(load("[program:short]\ncommand=/bin/sh -c 'sleep 0.2'\nstartsecs=0\n"
                + "autorestart=true\nstdout_logfile=NONE\nstderr_logfile=NONE\n"))) {
            h.await("a second start", Duration.ofSeconds(5), () -> startingNanos.size() >= 2);
            assertTrue(gapsMillis().get(0) < 1500, "gaps " + gapsMillis());
            assertTrue(h.messages().stream().noneMatch(m -> m.contains("restart_pause")));
        }
    }

    @Test
    void rememberStoppedKeepsAManualStopAcrossARestart() throws Exception {
        try (Harness h = new Harness(load("[program:kept]\ncommand=sleep 30\nstartsecs=0\nremember_stopped=true\n"
                + "stdout_logfile=NONE\nstderr_logfile=NONE\n"
                + "[program:plain]\ncommand=sleep 30\nstartsecs=0\nstdout_logfile=NONE\nstderr_logfile=NONE\n"))) {
            h.awaitState("kept", ProcessState.RUNNING, 5);
            h.awaitState("plain", ProcessState.RUNNING, 5);
            h.pm.stopProcess("kept", true).get();
            h.pm.stopProcess("plain", true).get();
            String stoppedAt = h.info("kept").description();
            h.pm.restart();
            h.await("restarted", Duration.ofSeconds(10),
                    () -> h.events(EventType.SUPERVISOR_STATE_CHANGE_RUNNING).size() == 2);
            h.awaitState("plain", ProcessState.RUNNING, 5); // the reference's behaviour: autostarted again
            h.awaitLog("kept kept stopped across the restart (remember_stopped)", 2);
            assertEquals(ProcessState.STOPPED, h.info("kept").state());
            assertEquals(stoppedAt, h.info("kept").description(), "still shows when it was stopped");
            assertEquals(1, h.messages().stream().filter(m -> m.startsWith("spawned: 'kept'")).count());
            h.pm.startProcess("kept", true).get();
            assertEquals(ProcessState.RUNNING, h.info("kept").state());
        }
    }

    @Test
    void rememberStoppedForgetsAProgramStartedAgainBeforeTheRestart() throws Exception {
        try (Harness h = new Harness(load("[program:kept]\ncommand=sleep 30\nstartsecs=0\nremember_stopped=true\n"
                + "stdout_logfile=NONE\nstderr_logfile=NONE\n"))) {
            h.awaitState("kept", ProcessState.RUNNING, 5);
            h.pm.stopProcess("kept", true).get();
            h.pm.startProcess("kept", true).get();
            long pid = h.info("kept").pid();
            h.pm.restart();
            h.await("restarted", Duration.ofSeconds(10),
                    () -> h.events(EventType.SUPERVISOR_STATE_CHANGE_RUNNING).size() == 2);
            h.awaitState("kept", ProcessState.RUNNING, 5);
            assertNotEquals(pid, h.info("kept").pid());
        }
    }

    @Test
    void environmentFileValuesReachTheChildUnderEnvironment() throws Exception {
        Files.writeString(dir.resolve("global.env"), "G_FILE=global-file\nG_BOTH=global-file\nP_BOTH=global-file\n");
        Files.writeString(dir.resolve("web.env"), "# web\nexport P_FILE='program file'\nP_BOTH=program-file\n"
                + "G_BOTH=program-file\nQUOTED=\"a \\\"b\\\"\"\n");
        Path out = dir.resolve("env.out");
        try (Harness h = new Harness(load("[supervisord]\nenvironment_file=%(here)s/global.env\n"
                + "environment=G_BOTH=global-option\n"
                + "[program:web]\ncommand=/bin/sh -c 'env > " + out + "'\nstartsecs=0\nautorestart=false\n"
                + "environment_file=%(here)s/web.env\nenvironment=P_BOTH=program-option\n"
                + "stdout_logfile=NONE\nstderr_logfile=NONE\n"))) {
            h.awaitState("web", ProcessState.EXITED, 5);
            List<String> env = Files.readAllLines(out);
            assertTrue(env.contains("G_FILE=global-file"), env.toString());
            assertTrue(env.contains("P_FILE=program file"), env.toString());
            assertTrue(env.contains("QUOTED=a \"b\""), env.toString());
            // daemon env < [supervisord] file < [supervisord] environment= < program file < program environment=
            assertTrue(env.contains("G_BOTH=program-file"), env.toString());
            assertTrue(env.contains("P_BOTH=program-option"), env.toString());
            assertTrue(env.contains("SUPERVISOR_PROCESS_NAME=web"), env.toString());
        }
    }
}
