package io.jsupervisor.core.internal;

import static io.jsupervisor.core.internal.Specs.config;
import static io.jsupervisor.core.internal.Specs.group;
import static io.jsupervisor.core.internal.Specs.proc;
import static io.jsupervisor.core.internal.Specs.program;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.api.UpdateReport;
import io.jsupervisor.config.ConfigException;
import io.jsupervisor.config.ProcessSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code updateChangedOnly}: only processes whose own settings changed are bounced. */
class FinerUpdateTest {
    @TempDir
    Path dir;

    private static UpdateReport update(Harness h) throws Exception {
        return h.pm.updateChangedOnly().get(30, TimeUnit.SECONDS);
    }

    private static Specs.Proc sleeper(String name) {
        return proc(name, "sleep 60").startsecs(0).stopwaitsecs(5);
    }

    private static List<String> stateEventsOf(Harness h, String process) {
        return h.events.stream().filter(e -> e.type().name().startsWith("PROCESS_STATE_"))
                .filter(e -> process.equals(e.headers().get("processname")))
                .map(e -> e.type().name().substring("PROCESS_STATE_".length())).toList();
    }

    @Test
    void changedCommandRestartsOnlyThatProcessAndSiblingsKeepTheirPids() throws Exception {
        try (Harness h = new Harness(config(dir, group("grp", 999, sleeper("a"), sleeper("b"), sleeper("c"))))) {
            for (String p : List.of("grp:a", "grp:b", "grp:c")) {
                h.awaitState(p, ProcessState.RUNNING, 10);
            }
            long a = h.info("grp:a").pid();
            long b = h.info("grp:b").pid();
            long c = h.info("grp:c").pid();
            h.reloaded = config(dir, group("grp", 999, sleeper("a"),
                    proc("b", "sleep 61").startsecs(0).stopwaitsecs(5), sleeper("c").env("X", "1")));

            UpdateReport r = update(h);

            assertEquals(List.of("grp:b", "grp:c"), r.restarted());
            assertEquals(List.of(), r.addedGroups());
            assertEquals(List.of(), r.removedGroups());
            assertEquals(a, h.info("grp:a").pid(), "an unchanged sibling keeps running");
            h.awaitState("grp:b", ProcessState.RUNNING, 10);
            h.awaitState("grp:c", ProcessState.RUNNING, 10);
            assertNotEquals(b, h.info("grp:b").pid());
            assertNotEquals(c, h.info("grp:c").pid());
            assertFalse(ProcessHandle.of(b).map(ProcessHandle::isAlive).orElse(false), "the old b was stopped");
            String cmd = ProcessHandle.of(h.info("grp:b").pid()).flatMap(x -> x.info().commandLine()).orElse("");
            assertTrue(cmd.contains("61"), cmd);
            Harness.await("b's events", Duration.ofSeconds(5), () -> stateEventsOf(h, "b").size() >= 6);
            assertEquals(List.of("STARTING", "RUNNING", "STOPPING", "STOPPED", "STARTING", "RUNNING"),
                    stateEventsOf(h, "b"));
            assertEquals(List.of("STARTING", "RUNNING"), stateEventsOf(h, "a"));
            assertEquals(List.of(), h.pm.reloadConfig().changed(), "the group now runs the new file");
        }
    }

    @Test
    void processesAddedToAndRemovedFromAGroupAndWholeGroupsAsUpdate() throws Exception {
        try (Harness h = new Harness(config(dir, group("grp", 999, sleeper("a"), sleeper("b")),
                program(sleeper("old"))))) {
            h.awaitState("grp:a", ProcessState.RUNNING, 10);
            h.awaitState("grp:b", ProcessState.RUNNING, 10);
            h.awaitState("old", ProcessState.RUNNING, 10);
            long a = h.info("grp:a").pid();
            long b = h.info("grp:b").pid();
            h.reloaded = config(dir, group("grp", 999, sleeper("a"), sleeper("c")), program(sleeper("new")));

            UpdateReport r = update(h);

            assertEquals(new UpdateReport(List.of("new"), List.of("old"), List.of(), List.of("grp:c"),
                    List.of("grp:b")), r);
            assertEquals(a, h.info("grp:a").pid());
            assertEquals(Fault.BAD_NAME, assertThrows(SupervisorException.class, () -> h.info("grp:b")).fault());
            assertEquals(Fault.BAD_NAME, assertThrows(SupervisorException.class, () -> h.info("old")).fault());
            assertFalse(ProcessHandle.of(b).map(ProcessHandle::isAlive).orElse(false), "b was stopped first");
            h.awaitState("grp:c", ProcessState.RUNNING, 10);
            h.awaitState("new", ProcessState.RUNNING, 10);
            Harness.await("group events", Duration.ofSeconds(5),
                    () -> h.events(EventType.PROCESS_GROUP_REMOVED).size() == 1
                            && h.events(EventType.PROCESS_GROUP_ADDED).size() == 3);
            assertEquals("old", h.events(EventType.PROCESS_GROUP_REMOVED).get(0).headers().get("groupname"));
            assertEquals(List.of("grp", "old", "new"), h.events(EventType.PROCESS_GROUP_ADDED).stream()
                    .map(SupervisorEvent::headers).map(m -> m.get("groupname")).toList());
            var again = h.pm.reloadConfig();
            assertEquals(List.of(), again.added());
            assertEquals(List.of(), again.changed());
            assertEquals(List.of(), again.removed());
        }
    }

    @Test
    void aBadFileIsCantRereadAndNothingIsTouched() throws Exception {
        try (Harness h = new Harness(config(dir, group("grp", 999, sleeper("a"))))) {
            h.awaitState("grp:a", ProcessState.RUNNING, 10);
            long a = h.info("grp:a").pid();
            h.reloaded = config(dir, group("grp", 999, proc("a", "sleep 99")));
            h.rereadError = new ConfigException("[program:a] startsecs: not an integer: 'x' (file: /x.conf)");

            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> h.pm.updateChangedOnly().get(30, TimeUnit.SECONDS));

            assertEquals("CANT_REREAD: [program:a] startsecs: not an integer: 'x' (file: /x.conf)",
                    e.getCause().getMessage());
            assertEquals(a, h.info("grp:a").pid());
            assertEquals(ProcessState.RUNNING, h.info("grp:a").state());
            h.rereadError = null;
            assertEquals(List.of("grp"), h.pm.reloadConfig().changed(), "the bad file was not taken as parsed");
        }
    }

    @Test
    void aRunningProcessWithoutAutostartStartsAgainAndAStoppedOneStaysStopped() throws Exception {
        try (Harness h = new Harness(config(dir, group("grp", 999, sleeper("up").autostart(false),
                sleeper("down").autostart(false))))) {
            assertTrue(h.pm.startProcess("grp:up", true).get(10, TimeUnit.SECONDS));
            long up = h.info("grp:up").pid();
            h.reloaded = config(dir, group("grp", 999, sleeper("up").autostart(false).env("V", "2"),
                    sleeper("down").autostart(false).env("V", "2")));

            UpdateReport r = update(h);

            assertEquals(List.of("grp:down", "grp:up"), r.restarted());
            h.awaitState("grp:up", ProcessState.RUNNING, 10);
            assertNotEquals(up, h.info("grp:up").pid());
            assertEquals(ProcessState.STOPPED, h.info("grp:down").state());
        }
    }

    @Test
    void aGroupPriorityChangeAloneRestartsNothing() throws Exception {
        try (Harness h = new Harness(config(dir, group("grp", 999, sleeper("a"))))) {
            h.awaitState("grp:a", ProcessState.RUNNING, 10);
            long a = h.info("grp:a").pid();
            h.reloaded = config(dir, group("grp", 5, sleeper("a")));

            assertEquals(new UpdateReport(List.of(), List.of(), List.of(), List.of(), List.of()), update(h));

            assertEquals(a, h.info("grp:a").pid());
            assertEquals(List.of(), h.pm.reloadConfig().changed(), "the group took its new priority");
        }
    }

    @Test
    void aGrownNumprocsIsNoChangeOfTheExistingProcesses() {
        ProcessSpec two = withOptions(proc("w_0", "sleep 1").build(), Map.of("numprocs", "2", "command", "sleep 1"));
        ProcessSpec three = withOptions(proc("w_0", "sleep 1").build(), Map.of("numprocs", "3", "command", "sleep 1"));
        ProcessSpec otherCommand = withOptions(proc("w_0", "sleep 2").build(),
                Map.of("numprocs", "3", "command", "sleep 1"));
        assertTrue(FinerUpdate.sameSettings(two, three));
        assertFalse(FinerUpdate.sameSettings(two, otherCommand));
        assertFalse(FinerUpdate.sameSettings(two, withOptions(two, Map.of("numprocs", "2", "command", "sleep 2"))));
    }

    private static ProcessSpec withOptions(ProcessSpec s, Map<String, String> options) {
        return new ProcessSpec(s.name(), s.programName(), s.groupName(), s.processNum(), s.command(), s.priority(),
                s.autostart(), s.startsecs(), s.startretries(), s.autorestart(), s.exitcodes(), s.stopsignal(),
                s.stopwaitsecs(), s.stopasgroup(), s.killasgroup(), s.user(), s.uid(), s.redirectStderr(), s.stdout(),
                s.stderr(), s.environment(), s.directory(), s.umask(), s.serverurl(), new HashMap<>(options));
    }

    @Test
    void aShutdownDuringTheStopsAnswersShutdownState() throws Exception {
        // "slow" ignores TERM for a while, so the update is still waiting when the shutdown begins
        try (Harness h = new Harness(config(dir, group("grp", 999,
                proc("slow", "/bin/sh -c 'trap \"\" TERM; echo trapped; while :; do sleep 0.1; done'").startsecs(0)
                        .stopwaitsecs(3))))) {
            h.awaitState("grp:slow", ProcessState.RUNNING, 10);
            // RUNNING at once (startsecs=0): a TERM before the trap is set would end it, and the update with it
            h.await("the trap", Duration.ofSeconds(10),
                    () -> h.output("slow", io.jsupervisor.api.LogChannel.STDOUT).contains("trapped"));
            h.reloaded = config(dir, group("grp", 999,
                    proc("slow", "/bin/sh -c 'trap \"\" TERM; while :; do sleep 0.2; done'").startsecs(0)));
            var f = h.pm.updateChangedOnly();
            h.awaitState("grp:slow", ProcessState.STOPPING, 5);
            h.pm.shutdown();
            ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(30, TimeUnit.SECONDS));
            assertEquals(Fault.SHUTDOWN_STATE, ((SupervisorException) e.getCause()).fault());
        }
    }
}
