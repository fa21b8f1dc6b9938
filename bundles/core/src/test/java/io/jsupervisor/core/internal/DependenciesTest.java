package io.jsupervisor.core.internal;

import static io.jsupervisor.core.internal.Specs.config;
import static io.jsupervisor.core.internal.Specs.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.config.GroupKind;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.ProcessSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** depends_on in the engine: start waits for RUNNING dependencies, stop goes dependents first, faults. */
class DependenciesTest {
    @TempDir
    Path dir;

    private static ProcessSpec withDeps(ProcessSpec s, String dependsOn) {
        return new ProcessSpec(s.name(), s.programName(), s.groupName(), s.processNum(), s.command(), s.priority(),
                s.autostart(), s.startsecs(), s.startretries(), s.autorestart(), s.exitcodes(), s.stopsignal(),
                s.stopwaitsecs(), s.stopasgroup(), s.killasgroup(), s.user(), s.uid(), s.redirectStderr(),
                s.stdout(), s.stderr(), s.environment(), s.directory(), s.umask(), s.serverurl(),
                dependsOn == null ? Map.of() : Map.of("depends_on", dependsOn));
    }

    /** A program (its own group) with a depends_on, or none when null. */
    private static GroupSpec program(Specs.Proc p, String dependsOn) {
        return new GroupSpec(p.name, p.priority, GroupKind.PROGRAM, List.of(withDeps(p.build(), dependsOn)), null);
    }

    /** The process state changes so far, as {@code STATE name}, in the order they happened. */
    private static List<String> changes(Harness h) {
        List<String> l = new ArrayList<>();
        for (SupervisorEvent e : h.events) {
            if (e.type().name().startsWith("PROCESS_STATE_")) {
                l.add(e.type().name().substring("PROCESS_STATE_".length()) + " " + e.headers().get("processname"));
            }
        }
        return l;
    }

    private static void assertBefore(List<String> changes, String first, String then) {
        int a = changes.indexOf(first);
        int b = changes.indexOf(then);
        assertTrue(a >= 0 && b >= 0 && a < b, first + " before " + then + " in " + changes);
    }

    private static SupervisorException fault(Future<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        return (SupervisorException) e.getCause();
    }

    @Test
    void autostartGoesDownTheChainAndShutdownStopsDependentsFirst() throws Exception {
        // priorities alone would start c first and, at shutdown, stop a first
        Harness h = new Harness(config(dir,
                program(proc("a", "sleep 60").priority(3).startsecs(2), null),
                program(proc("b", "sleep 60").priority(2).startsecs(1), "a"),
                program(proc("c", "sleep 60").priority(1).startsecs(1), "b")));
        try {
            h.awaitState("c", ProcessState.RUNNING, 20);
            List<String> started = changes(h);
            assertBefore(started, "RUNNING a", "STARTING b");
            assertBefore(started, "RUNNING b", "STARTING c");
            assertEquals(1, started.stream().filter("STARTING a"::equals).count(), started::toString);
            // the RUNNING times follow the chain: b is RUNNING at least its startsecs after a
            assertTrue(h.info("b").start() >= h.info("a").start() + 2, "b spawned after a's startsecs");
            assertTrue(h.info("c").start() >= h.info("b").start() + 1, "c spawned after b's startsecs");
        } finally {
            h.close();
        }
        List<String> all = changes(h);
        assertBefore(all, "STOPPED c", "STOPPING b");
        assertBefore(all, "STOPPED b", "STOPPING a");
    }

    @Test
    void startAllWaitsForEachDependencyAndStopAllGoesInReverse() throws Exception {
        try (Harness h = new Harness(config(dir,
                program(proc("a", "sleep 60").priority(3).autostart(false).startsecs(1), null),
                program(proc("b", "sleep 60").priority(2).autostart(false).startsecs(1), "a"),
                program(proc("c", "sleep 60").priority(1).autostart(false).startsecs(1), "b"),
                program(proc("free", "sleep 60").priority(5).autostart(false).startsecs(0), null)))) {
            List<ProcessResult> r = h.pm.startAllProcesses(true).get();
            assertEquals(4, r.size(), r::toString);
            assertTrue(r.stream().allMatch(x -> x.description().equals("OK")), r::toString);
            for (String n : List.of("a", "b", "c", "free")) {
                assertEquals(ProcessState.RUNNING, h.info(n).state(), n + " is RUNNING when the reply comes");
            }
            List<String> started = changes(h);
            assertBefore(started, "RUNNING a", "STARTING b");
            assertBefore(started, "RUNNING b", "STARTING c");
            assertBefore(started, "STARTING a", "STARTING free"); // no dependency: priority order (3 before 5)

            List<ProcessResult> stopped = h.pm.stopAllProcesses(true).get();
            assertEquals(4, stopped.size(), stopped::toString);
            List<String> all = changes(h);
            assertBefore(all, "STOPPED c", "STOPPING b");
            assertBefore(all, "STOPPED b", "STOPPING a");
            assertEquals(List.of("c", "b", "a"), stopped.stream().map(ProcessResult::name).filter(n -> !n.equals(
                    "free")).toList(), "results as the stops completed");
        }
    }

    @Test
    void aGroupStopHoldsADependencyUntilItsDependentInTheGroupHasStopped() throws Exception {
        ProcessSpec a = proc("a", "sleep 60").group("g").priority(1).startsecs(0).build();
        ProcessSpec b = withDeps(proc("b", "sleep 60").group("g").priority(2).startsecs(0).build(), "g:a");
        try (Harness h = new Harness(config(dir, new GroupSpec("g", 999, GroupKind.HETEROGENEOUS, List.of(a, b),
                null)))) {
            h.awaitState("g:b", ProcessState.RUNNING, 10);
            h.pm.stopProcessGroup("g", true).get();
            List<String> all = changes(h);
            assertBefore(all, "STOPPED b", "STOPPING a"); // the reference's order would stop a (priority 1) first
            assertEquals(ProcessState.STOPPED, h.info("g:a").state());
        }
    }

    @Test
    void startOfAProcessWhoseDependencyIsFatalFailsNamingIt() throws Exception {
        try (Harness h = new Harness(config(dir,
                program(proc("y", "false").startsecs(1).startretries(0), null),
                program(proc("x", "sleep 60").startsecs(0), "y")))) {
            h.awaitState("y", ProcessState.FATAL, 10);
            h.awaitLog("not starting x: dependency y is FATAL", 5); // the autostart that will not happen
            SupervisorException e = fault(h.pm.startProcess("x", true));
            assertEquals(Fault.SPAWN_ERROR, e.fault());
            assertEquals("SPAWN_ERROR: x: dependency y is FATAL", e.getMessage());
            assertEquals(ProcessState.STOPPED, h.info("x").state());
            // start all tries y again; x waits for it and fails when y gives up again
            List<ProcessResult> r = h.pm.startAllProcesses(true).get();
            assertEquals(List.of(new ProcessResult("y", "y", 50, "SPAWN_ERROR: y"),
                    new ProcessResult("x", "x", 50, "SPAWN_ERROR: x: dependency y is FATAL")), r);
        }
    }

    @Test
    void startOfAProcessStartsItsStoppedDependenciesFirst() throws Exception {
        try (Harness h = new Harness(config(dir,
                program(proc("db", "sleep 60").autostart(false).startsecs(1), null),
                program(proc("web", "sleep 60").autostart(false).startsecs(0), "db")))) {
            assertTrue(h.pm.startProcess("web", true).get());
            assertEquals(ProcessState.RUNNING, h.info("db").state());
            assertEquals(ProcessState.RUNNING, h.info("web").state());
            assertBefore(changes(h), "RUNNING db", "STARTING web");

            // without wait the reply comes at once; web is queued (STOPPED) and starts when db is RUNNING
            h.pm.stopAllProcesses(true).get();
            assertTrue(h.pm.startProcess("web", false).get());
            assertEquals(ProcessState.STOPPED, h.info("web").state(), "queued behind db");
            h.awaitState("web", ProcessState.RUNNING, 10);

            // a stop of a queued process drops its start
            h.pm.stopAllProcesses(true).get();
            assertTrue(h.pm.startProcess("web", false).get());
            assertTrue(h.pm.stopProcess("web", true).get());
            h.awaitState("db", ProcessState.RUNNING, 10);
            h.awaitLog("not starting web: start cancelled by a stop", 5);
            assertEquals(ProcessState.STOPPED, h.info("web").state());
        }
    }

    @Test
    void priorityStillOrdersWhatTheGraphLeavesFree() throws Exception {
        try (Harness h = new Harness(config(dir,
                program(proc("z", "sleep 60").priority(0).startsecs(0), "p3"),
                program(proc("p2", "sleep 60").priority(2).startsecs(0), null),
                program(proc("p1", "sleep 60").priority(1).startsecs(0), null),
                program(proc("p3", "sleep 60").priority(3).startsecs(0), null)))) {
            h.awaitState("z", ProcessState.RUNNING, 10);
            Harness.await("the z RUNNING event", Duration.ofSeconds(5), () -> changes(h).contains("RUNNING z"));
            List<String> starting = changes(h).stream().filter(s -> s.startsWith("STARTING")).toList();
            assertEquals(List.of("STARTING p1", "STARTING p2", "STARTING p3", "STARTING z"), starting);
        }
    }

    @Test
    void aDependencyWhoseGroupIsRemovedIsNotLoadedUntilItIsAddedAgain() throws Exception {
        try (Harness h = new Harness(config(dir,
                program(proc("db", "sleep 60").autostart(false).startsecs(0), null),
                program(proc("web", "sleep 60").autostart(false).startsecs(0), "db")))) {
            h.pm.removeProcessGroup("db");
            assertEquals("SPAWN_ERROR: web: dependency db is not loaded", fault(h.pm.startProcess("web", true))
                    .getMessage());
            h.pm.addProcessGroup("db"); // as update does: the name finds the new group
            assertTrue(h.pm.startProcess("web", true).get());
            assertEquals(ProcessState.RUNNING, h.info("db").state());
        }
    }
}
