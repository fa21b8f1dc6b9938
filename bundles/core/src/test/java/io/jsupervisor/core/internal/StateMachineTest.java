package io.jsupervisor.core.internal;

import static io.jsupervisor.core.internal.Specs.config;
import static io.jsupervisor.core.internal.Specs.proc;
import static io.jsupervisor.core.internal.Specs.program;
import static io.jsupervisor.core.internal.Specs.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.config.AutoRestart;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One test per edge of the reference's state machine, with real child processes. */
class StateMachineTest {
    @TempDir
    Path dir;

    @Test
    void startingToRunningAfterStartsecs() {
        try (Harness h = new Harness(config(dir, program(proc("sleeper", "sleep 30").startsecs(1))))) {
            h.awaitState("sleeper", ProcessState.STARTING, 5);
            long t0 = System.nanoTime();
            h.awaitState("sleeper", ProcessState.RUNNING, 5);
            assertTrue(System.nanoTime() - t0 > 500_000_000L, "RUNNING only after startsecs");
            h.awaitLog("success: sleeper entered RUNNING state, process has stayed up for > than 1 seconds "
                    + "(startsecs)", 2);
            ProcessInfo i = h.info("sleeper");
            assertTrue(i.pid() > 0);
            assertTrue(i.description().startsWith("pid " + i.pid() + ", uptime 0:00:0"), i.description());
            assertTrue(h.messages().contains("spawned: 'sleeper' with pid " + i.pid()));
            SupervisorEvent running = h.firstEvent(EventType.PROCESS_STATE_RUNNING);
            assertEquals("processname:sleeper groupname:sleeper from_state:STARTING pid:" + i.pid(),
                    running.payload());
        }
    }

    @Test
    void exitBeforeStartsecsGoesBackoff() {
        try (Harness h = new Harness(config(dir, program(proc("quick", "true").startsecs(5).startretries(1))))) {
            h.awaitState("quick", ProcessState.BACKOFF, 5);
            ProcessInfo i = h.info("quick");
            assertEquals("Exited too quickly (process log may have details)", i.spawnerr());
            assertEquals(i.spawnerr(), i.description());
            h.awaitLog("exited: quick (exit status 0; not expected)", 2);
            SupervisorEvent backoff = h.firstEvent(EventType.PROCESS_STATE_BACKOFF);
            assertEquals("processname:quick groupname:quick from_state:STARTING tries:1", backoff.payload());
        }
    }

    @Test
    void backoffBecomesFatalAfterStartRetries() {
        try (Harness h = new Harness(config(dir, program(proc("bad", "false").startsecs(1).startretries(2))))) {
            long t0 = System.nanoTime();
            h.awaitState("bad", ProcessState.FATAL, 15);
            long elapsed = System.nanoTime() - t0;
            // waits of 1 s and 2 s between the three spawns
            assertTrue(elapsed > 2_500_000_000L, "linear backoff, took " + elapsed / 1_000_000 + " ms");
            h.awaitLog("gave up: bad entered FATAL state, too many start retries too quickly", 2);
            h.firstEvent(EventType.PROCESS_STATE_FATAL);
            assertEquals(3, h.messages().stream().filter(m -> m.startsWith("spawned: 'bad'")).count());
            assertEquals(List.of("0", "1", "2"), h.events(EventType.PROCESS_STATE_STARTING).stream()
                    .map(e -> e.headers().get("tries")).collect(Collectors.toList()));
            assertEquals(List.of("1", "2", "3"), h.events(EventType.PROCESS_STATE_BACKOFF).stream()
                    .map(e -> e.headers().get("tries")).collect(Collectors.toList()));
            assertEquals("processname:bad groupname:bad from_state:BACKOFF",
                    h.firstEvent(EventType.PROCESS_STATE_FATAL).payload());
        }
    }

    @Test
    void startretriesZeroGivesUpAtOnce() {
        try (Harness h = new Harness(config(dir, program(proc("bad", "false").startsecs(1).startretries(0))))) {
            h.awaitState("bad", ProcessState.FATAL, 5);
            h.awaitLog("gave up: bad entered FATAL state, too many start retries too quickly", 5);
            assertEquals(1, h.messages().stream().filter(m -> m.startsWith("spawned: 'bad'")).count());
        }
    }

    @Test
    void runningExitExpectedGoesExited() {
        try (Harness h = new Harness(config(dir, program(proc("once", sh("sleep 0.3; exit 0"))
                .startsecs(0).autorestart(AutoRestart.FALSE))))) {
            h.awaitState("once", ProcessState.EXITED, 5);
            h.awaitLog("exited: once (exit status 0; expected)", 2);
            SupervisorEvent e = h.firstEvent(EventType.PROCESS_STATE_EXITED);
            assertEquals("1", e.headers().get("expected"));
            assertEquals("RUNNING", e.headers().get("from_state"));
            ProcessInfo i = h.info("once");
            assertEquals(0, i.pid());
            assertEquals("", i.spawnerr());
            assertTrue(i.description().matches("[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d [AP]M"), i.description());
        }
    }

    @Test
    void runningExitUnexpectedRestartsWithAutorestartUnexpected() {
        try (Harness h = new Harness(config(dir, program(proc("three", sh("sleep 0.2; exit 3"))
                .startsecs(0))))) {
            h.awaitLog("exited: three (exit status 3; not expected)", 5);
            h.await("a second spawn", Duration.ofSeconds(5),
                    () -> h.messages().stream().filter(m -> m.startsWith("spawned: 'three'")).count() >= 2);
            SupervisorEvent e = h.firstEvent(EventType.PROCESS_STATE_EXITED);
            assertEquals("0", e.headers().get("expected"));
        }
    }

    @Test
    void autorestartFalseStaysExited() {
        try (Harness h = new Harness(config(dir, program(proc("three", sh("sleep 0.2; exit 3"))
                .startsecs(0).autorestart(AutoRestart.FALSE))))) {
            h.awaitState("three", ProcessState.EXITED, 5);
            assertEquals("Bad exit code 3", h.info("three").spawnerr());
            assertEquals(3, h.info("three").exitstatus());
            // one more pass of the engine must not spawn again
            h.awaitLog("exited: three (exit status 3; not expected)", 5);
            h.pm.allProcessInfo();
            assertEquals(1, h.messages().stream().filter(m -> m.startsWith("spawned: 'three'")).count());
        }
    }

    @Test
    void autorestartTrueRestarts() {
        try (Harness h = new Harness(config(dir, program(proc("loop", sh("sleep 0.2"))
                .startsecs(0).autorestart(AutoRestart.TRUE))))) {
            h.await("three spawns", Duration.ofSeconds(10),
                    () -> h.messages().stream().filter(m -> m.startsWith("spawned: 'loop'")).count() >= 3);
            assertTrue(h.count("exited: loop (exit status 0; expected)") >= 2);
        }
    }

    @Test
    void stopSendsStopsignal() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("sleeper", "sleep 30").startsecs(0)
                .stopsignal(2))))) {
            h.awaitState("sleeper", ProcessState.RUNNING, 5);
            long pid = h.info("sleeper").pid();
            assertTrue(h.pm.stopProcess("sleeper", true).get());
            assertEquals(ProcessState.STOPPED, h.info("sleeper").state());
            h.awaitLog("stopped: sleeper (terminated by SIGINT)", 2);
            assertEquals(-1, h.info("sleeper").exitstatus());
            SupervisorEvent e = h.firstEvent(EventType.PROCESS_STATE_STOPPED);
            assertEquals("processname:sleeper groupname:sleeper from_state:STOPPING pid:" + pid, e.payload());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        }
    }

    @Test
    void stopwaitsecsEscalatesToSigkill() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("stubborn", sh("trap \"\" TERM; echo ready; exec sleep 30"))
                .startsecs(0).stopwaitsecs(1))))) {
            h.awaitState("stubborn", ProcessState.RUNNING, 5);
            h.await("trap set", Duration.ofSeconds(5), () -> h.output("stubborn", LogChannel.STDOUT).contains("ready"));
            long pid = h.info("stubborn").pid();
            long t0 = System.nanoTime();
            assertTrue(h.pm.stopProcess("stubborn", true).get());
            assertTrue(System.nanoTime() - t0 > 900_000_000L, "SIGKILL only after stopwaitsecs");
            h.awaitLog("killing 'stubborn' (" + pid + ") with SIGKILL", 2);
            h.awaitLog("stopped: stubborn (terminated by SIGKILL)", 2);
            assertTrue(h.messages().contains("waiting for stubborn to stop"));
        }
    }

    @Test
    void stopasgroupKillsGrandchild() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("parent", sh("sleep 30 & echo $!; wait"))
                .startsecs(0).stopasgroup(true).stopwaitsecs(2))))) {
            h.awaitState("parent", ProcessState.RUNNING, 5);
            h.await("grandchild pid", Duration.ofSeconds(5), () -> h.output("parent", LogChannel.STDOUT).contains("\n"));
            long grandchild = Long.parseLong(h.output("parent", LogChannel.STDOUT).trim());
            assertTrue(ProcessHandle.of(grandchild).isPresent());
            assertTrue(h.pm.stopProcess("parent", true).get());
            h.await("grandchild gone", Duration.ofSeconds(5),
                    () -> ProcessHandle.of(grandchild).map(p -> !p.isAlive()).orElse(true));
        }
    }

    @Test
    void stopBackoffGoesStoppedWithoutSignal() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("quick", "true").startsecs(5).startretries(5))))) {
            h.awaitState("quick", ProcessState.BACKOFF, 5);
            assertTrue(h.pm.stopProcess("quick", true).get());
            assertEquals(ProcessState.STOPPED, h.info("quick").state());
            SupervisorEvent e = h.firstEvent(EventType.PROCESS_STATE_STOPPED);
            assertEquals("processname:quick groupname:quick from_state:BACKOFF pid:0", e.payload());
        }
    }

    @Test
    void signalDeathIsExitStatusMinusOne() {
        try (Harness h = new Harness(config(dir, program(proc("victim", "sleep 30").startsecs(0)
                .autorestart(AutoRestart.FALSE))))) {
            h.awaitState("victim", ProcessState.RUNNING, 5);
            ProcessHandle.of(h.info("victim").pid()).orElseThrow().destroyForcibly();
            h.awaitState("victim", ProcessState.EXITED, 5);
            h.awaitLog("exited: victim (terminated by SIGKILL; not expected)", 2);
            assertEquals(-1, h.info("victim").exitstatus());
        }
    }

    @Test
    void spawnErrorCommandNotFound() {
        try (Harness h = new Harness(config(dir, program(proc("ghost", "/nonexistent/ghost").startretries(0))))) {
            h.awaitState("ghost", ProcessState.FATAL, 5);
            assertEquals("can't find command '/nonexistent/ghost'", h.info("ghost").spawnerr());
            h.awaitLog("spawnerr: can't find command '/nonexistent/ghost'", 5);
            Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> h.pm.startProcess("ghost", true).get());
            assertEquals("NO_FILE: can't find command '/nonexistent/ghost'", t.getCause().getMessage());
        }
    }

    @Test
    void spawnErrorNotExecutable() throws Exception {
        Path f = java.nio.file.Files.writeString(dir.resolve("plain"), "x");
        try (Harness h = new Harness(config(dir, program(proc("plain", f.toString()).autostart(false))))) {
            h.awaitLog("supervisord started with pid " + ProcessHandle.current().pid(), 5);
            Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> h.pm.startProcess("plain", true).get());
            assertEquals("NOT_EXECUTABLE: command at '" + f + "' is not executable", t.getCause().getMessage());
            t = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> h.pm.startProcess("plain:plain", false).get());
            assertTrue(t.getCause().getMessage().startsWith("NOT_EXECUTABLE"));
        }
    }

    // ---- edges reached by requests and by the daemon's mood -----------------------------------------

    private static String from(SupervisorEvent e) {
        return e.headers().get("from_state");
    }

    private static long spawns(Harness h, String name) {
        return h.messages().stream().filter(m -> m.startsWith("spawned: '" + name + "'")).count();
    }

    @Test
    void stoppedToStartingByAutostartOnlyWhileNeverStarted() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("auto", "sleep 30").startsecs(0))))) {
            h.awaitState("auto", ProcessState.RUNNING, 5);
            assertEquals("STOPPED", from(h.firstEvent(EventType.PROCESS_STATE_STARTING)));
            assertTrue(h.pm.stopProcess("auto", true).get());
            // laststart != 0 now: later passes (each call runs one) leave it STOPPED
            h.pm.allProcessInfo();
            h.pm.allProcessInfo();
            assertEquals(ProcessState.STOPPED, h.info("auto").state());
            assertEquals(1, spawns(h, "auto"));
        }
    }

    @Test
    void stoppedToStartingOnStartRequest() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("manual", "sleep 30").autostart(false)
                .startsecs(0))))) {
            h.pm.allProcessInfo();
            assertEquals(ProcessState.STOPPED, h.info("manual").state());
            assertTrue(h.pm.startProcess("manual", true).get());
            assertEquals("STOPPED", from(h.firstEvent(EventType.PROCESS_STATE_STARTING)));
            assertEquals(ProcessState.RUNNING, h.info("manual").state());
        }
    }

    @Test
    void exitedToStartingOnStartRequest() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("once", sh("sleep 0.2"))
                .startsecs(0).autorestart(AutoRestart.FALSE))))) {
            h.awaitState("once", ProcessState.EXITED, 5);
            assertTrue(h.pm.startProcess("once", false).get());
            h.await("second STARTING", Duration.ofSeconds(5),
                    () -> h.events(EventType.PROCESS_STATE_STARTING).size() == 2);
            assertEquals("EXITED", from(h.events(EventType.PROCESS_STATE_STARTING).get(1)));
        }
    }

    @Test
    void fatalToStartingOnlyOnStartRequest() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("bad", "false").startsecs(10).startretries(0))))) {
            h.awaitState("bad", ProcessState.FATAL, 5);
            h.pm.allProcessInfo(); // a pass: FATAL stays FATAL
            assertEquals(ProcessState.FATAL, h.info("bad").state());
            assertEquals(1, spawns(h, "bad"), h.messages()::toString);
            h.pm.startProcess("bad", false).get();
            h.await("second STARTING", Duration.ofSeconds(5),
                    () -> h.events(EventType.PROCESS_STATE_STARTING).size() == 2);
            assertEquals("FATAL", from(h.events(EventType.PROCESS_STATE_STARTING).get(1)));
        }
    }

    @Test
    void backoffStartRequestIsAlreadyStartedAsBackoffIsARunningState() {
        try (Harness h = new Harness(config(dir, program(proc("quick", "true").startsecs(5).startretries(9))))) {
            h.awaitState("quick", ProcessState.BACKOFF, 5);
            Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> h.pm.startProcess("quick", false).get());
            assertEquals("ALREADY_STARTED: quick", t.getCause().getMessage());
        }
    }

    @Test
    void backoffToStartingWhateverAutorestartSays() {
        try (Harness h = new Harness(config(dir, program(proc("bad", "false").startsecs(10).startretries(1)
                .autorestart(AutoRestart.FALSE))))) {
            h.awaitState("bad", ProcessState.FATAL, 10);
            assertEquals(2, spawns(h, "bad"));
            assertEquals("BACKOFF", from(h.events(EventType.PROCESS_STATE_STARTING).get(1)));
        }
    }

    @Test
    void backoffToFatalAtShutdown() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("quick", "true").startsecs(5).startretries(9))))) {
            h.awaitState("quick", ProcessState.BACKOFF, 5);
            h.engine.shutdown();
            assertTrue(h.engine.awaitShutdown(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals("BACKOFF", from(h.firstEvent(EventType.PROCESS_STATE_FATAL)));
        }
    }

    @Test
    void startingToStoppingOnStopRequest() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("slow", "sleep 30").startsecs(30))))) {
            h.awaitState("slow", ProcessState.STARTING, 5);
            assertTrue(h.pm.stopProcess("slow", true).get());
            assertEquals("STARTING", from(h.firstEvent(EventType.PROCESS_STATE_STOPPING)));
            assertEquals(ProcessState.STOPPED, h.info("slow").state());
            h.awaitLog("stopped: slow (terminated by SIGTERM)", 2);
        }
    }

    @Test
    void stopRequestWhileStoppingIsNotRunning() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("stubborn", sh("trap \"\" TERM; echo ready; exec sleep 30"))
                .startsecs(0).stopwaitsecs(3))))) {
            h.awaitState("stubborn", ProcessState.RUNNING, 5);
            h.await("trap set", Duration.ofSeconds(5), () -> h.output("stubborn", LogChannel.STDOUT).contains("ready"));
            h.pm.stopProcess("stubborn", false).get();
            assertEquals(ProcessState.STOPPING, h.info("stubborn").state());
            Throwable t = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                    () -> h.pm.stopProcess("stubborn", false).get());
            assertEquals("NOT_RUNNING: stubborn", t.getCause().getMessage());
            h.awaitState("stubborn", ProcessState.STOPPED, 10);
        }
    }

    /**
     * The exit is seen after startsecs but before a pass promoted the process: RUNNING, then EXITED at once. Our
     * timers promote on time, so the test moves the start back in time and hands the exit to the same finish()
     * the reaper calls, on the engine thread.
     */
    @Test
    void startingToRunningToExitedWhenTheExitIsSeenAfterStartsecs() {
        try (Harness h = new Harness(config(dir, program(proc("late", "sleep 30").startsecs(30)
                .autorestart(AutoRestart.FALSE))))) {
            h.awaitState("late", ProcessState.STARTING, 5);
            h.engine.call(() -> {
                ProcessRuntime p = h.engine.groups.get("late").processes.get("late");
                p.laststartNanos -= 60_000_000_000L;
                Process child = p.process;
                child.destroyForcibly();
                child.waitFor();
                p.finish(child);
                return null;
            });
            assertEquals(ProcessState.EXITED, h.info("late").state());
            assertEquals("STARTING", from(h.firstEvent(EventType.PROCESS_STATE_RUNNING)));
            assertEquals("RUNNING", from(h.firstEvent(EventType.PROCESS_STATE_EXITED)));
            h.awaitLog("exited: late (terminated by SIGKILL; not expected)", 2);
        }
    }
}
