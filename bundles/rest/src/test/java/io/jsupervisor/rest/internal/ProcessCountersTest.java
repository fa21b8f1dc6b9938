package io.jsupervisor.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.config.ConfigLoader;
import io.jsupervisor.config.LoadContext;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Restarts are the state machine's own STARTINGs, decided with the program's autorestart. */
class ProcessCountersTest {
    @TempDir
    Path dir;

    private SupervisorConfig config() throws Exception {
        Path file = dir.resolve("supervisord.conf");
        Files.writeString(file, String.join("\n",
                "[supervisord]", "logfile=" + dir.resolve("s.log"), "pidfile=" + dir.resolve("s.pid"),
                "[program:never]", "command=/bin/true", "autorestart=false",
                "[program:unexpected]", "command=/bin/true", "autorestart=unexpected",
                "[program:always]", "command=/bin/true", "autorestart=true", ""));
        return ConfigLoader.load(file, LoadContext.ofSystem());
    }

    private static SupervisorEvent event(EventType type, String name, String from, String... extra) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("processname", name);
        h.put("groupname", name);
        h.put("from_state", from);
        for (int i = 0; i < extra.length; i += 2) {
            h.put(extra[i], extra[i + 1]);
        }
        return new SupervisorEvent(type, h, null);
    }

    private static void exitThenStart(ProcessCounters c, String name, String expected) {
        c.onEvent(event(EventType.PROCESS_STATE_STARTING, name, "STOPPED", "tries", "0"));
        c.onEvent(event(EventType.PROCESS_STATE_RUNNING, name, "STARTING", "pid", "5"));
        c.onEvent(event(EventType.PROCESS_STATE_EXITED, name, "RUNNING", "expected", expected, "pid", "5"));
        c.onEvent(event(EventType.PROCESS_STATE_STARTING, name, "EXITED", "tries", "0"));
    }

    @Test
    void aManualStartAfterAnExitThatAutorestartIgnoresIsNoRestart() throws Exception {
        SupervisorConfig config = config();
        ProcessCounters c = new ProcessCounters(() -> config, n -> null);
        exitThenStart(c, "never", "0");
        exitThenStart(c, "unexpected", "1");
        exitThenStart(c, "always", "1");
        assertEquals(2, c.starts("never", "never"));
        assertEquals(0, c.restarts("never", "never"));
        assertEquals(0, c.restarts("unexpected", "unexpected"), "an expected exit is not restarted");
        assertEquals(1, c.restarts("always", "always"));
    }

    @Test
    void anUnexpectedExitAndBackoffRetriesAreRestarts() throws Exception {
        SupervisorConfig config = config();
        ProcessCounters c = new ProcessCounters(() -> config, n -> null);
        exitThenStart(c, "unexpected", "0");
        c.onEvent(event(EventType.PROCESS_STATE_BACKOFF, "unexpected", "STARTING", "tries", "1"));
        c.onEvent(event(EventType.PROCESS_STATE_STARTING, "unexpected", "BACKOFF", "tries", "1"));
        assertEquals(3, c.starts("unexpected", "unexpected"));
        assertEquals(2, c.restarts("unexpected", "unexpected"));
        assertEquals(0, c.starts("always", "always"));
    }

    @Test
    void theLastExitStatusSurvivesTheRespawnThatResetsIt() throws Exception {
        ProcessInfo exited = new ProcessInfo("always", "always", 1, 2, 3, ProcessState.EXITED, "", 3, "", "", 0, "");
        ProcessInfo atExit = exited;
        SupervisorConfig config = config();
        ProcessCounters c = new ProcessCounters(() -> config, n -> n.equals("always") ? atExit : null);
        exitThenStart(c, "always", "0");
        ProcessInfo running = FakeProcessManager.process("always", "always", ProcessState.RUNNING, 9);
        assertEquals(0, running.exitstatus());
        assertEquals(3, c.lastExit(running));
        ProcessInfo never = FakeProcessManager.process("never", "never", ProcessState.RUNNING, 9);
        assertEquals(0, c.lastExit(never), "no exit seen");
    }
}
