package io.jsupervisor.core.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.api.SupervisorState;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code depends_on} changes in the engine; everything here is a no-op when no loaded process has the option,
 * so such a configuration runs exactly as the reference. Touched only on the engine thread.
 *
 * <ul>
 *   <li>Automatic spawns (autostart, autorestart, BACKOFF retries) of a process wait until each dependency is
 *       {@link ProcessRuntime#readyForDependents() ready}; a dependency becoming ready runs another pass.</li>
 *   <li>{@code start x} with dependencies not ready queues x ({@link PendingStart}): stopped dependencies are
 *       started first (transitively), x is spawned by a later pass once they are ready; a FATAL, UNKNOWN or
 *       stopping dependency refuses the start with SPAWN_ERROR.</li>
 *   <li>Stops of a group or of all processes hold each process back until the ones depending on it (within that
 *       stop) are stopped ({@link PendingStop}); the daemon's shutdown stops dependents first, in any group.</li>
 * </ul>
 * Nothing sleeps: pending operations are looked at after every pass.
 */
final class Dependencies {
    private final Engine engine;
    private ProcessGraph graph;
    private final Map<ProcessRuntime, PendingStart> starts = new LinkedHashMap<>();
    private final Map<ProcessRuntime, PendingStop> stops = new LinkedHashMap<>();
    /** The last seen state of every dependency target: readiness changes wake the engine, FATAL is reported. */
    private final Map<ProcessRuntime, Boolean> lastReady = new IdentityHashMap<>();
    private final Map<ProcessRuntime, ProcessState> lastState = new IdentityHashMap<>();

    Dependencies(Engine engine) {
        this.engine = engine;
    }

    /** A group was added or removed: names resolve anew. */
    void groupsChanged() {
        graph = null;
    }

    ProcessGraph graph() {
        if (graph == null) {
            List<ProcessRuntime> all = new ArrayList<>();
            for (GroupRuntime g : engine.sortedGroups()) {
                all.addAll(g.sorted());
            }
            graph = ProcessGraph.of(all);
            lastReady.clear();
            lastState.clear();
        }
        return graph;
    }

    /** Whether p may be spawned now as far as its dependencies go (true without depends_on). */
    boolean ready(ProcessRuntime p) {
        ProcessGraph g = graph();
        if (g.isEmpty()) {
            return true;
        }
        if (!g.missingOf(p).isEmpty()) {
            return false;
        }
        for (ProcessRuntime d : g.dependenciesOf(p)) {
            if (!d.readyForDependents()) {
                return false;
            }
        }
        return true;
    }

    // ---- start -------------------------------------------------------------------------------------

    /** A start of {@code process} waiting for its dependencies; {@code failure} once it cannot happen. */
    static final class PendingStart {
        final ProcessRuntime process;
        /** Set once it ended: spawned (or started by someone else) when {@code fault} is null. */
        boolean done;
        Fault fault;
        String reason;

        PendingStart(ProcessRuntime process) {
            this.process = process;
        }

        void fail(Fault f, String why) {
            done = true;
            fault = f;
            reason = why;
        }

        /** The reply's fault: a dependency's reason after the name, a spawn's own fault as startProcess gives it. */
        SupervisorException fault(String name) {
            return switch (fault) {
                case SHUTDOWN_STATE -> new SupervisorException(fault);
                case SPAWN_ERROR -> new SupervisorException(fault, reason == null ? name : name + ": " + reason);
                default -> new SupervisorException(fault, reason);
            };
        }
    }

    /**
     * {@code start name}: null when the caller should spawn p now as usual (no dependencies, or all ready);
     * otherwise p (and every stopped process it needs) is queued and the reply follows the queued start.
     *
     * @throws SupervisorException SPAWN_ERROR when a dependency is FATAL, UNKNOWN, stopping or not loaded
     */
    ProcessManagerImpl.Poll<Boolean> start(String name, ProcessRuntime p, boolean wait) {
        ProcessGraph g = graph();
        if (g.isEmpty() || ready(p)) {
            return null;
        }
        List<ProcessRuntime> needed = needed(g, p);
        List<ProcessRuntime> self = new ArrayList<>(needed);
        self.add(p);
        for (ProcessRuntime q : self) {
            if (!g.missingOf(q).isEmpty()) {
                throw refused(name, "dependency " + g.missingOf(q).get(0) + " is not loaded");
            }
        }
        for (ProcessRuntime q : needed) {
            if (q.state == ProcessState.FATAL || q.state == ProcessState.UNKNOWN || q.state == ProcessState.STOPPING) {
                throw refused(name, "dependency " + q.namespec() + " is " + q.state);
            }
        }
        for (ProcessRuntime q : needed) {
            if (q.state == ProcessState.STOPPED || q.state == ProcessState.EXITED) {
                starts.computeIfAbsent(q, PendingStart::new);
            }
        }
        PendingStart ps = starts.computeIfAbsent(p, PendingStart::new);
        engine.wakeUpAfter(0);
        if (!wait) {
            return () -> Boolean.TRUE;
        }
        return () -> {
            if (!ps.done) {
                return null;
            }
            if (ps.fault != null) {
                throw ps.fault(name);
            }
            if (p.spawnerr != null) {
                throw new SupervisorException(Fault.SPAWN_ERROR, name);
            }
            if (p.state != ProcessState.STARTING && p.state != ProcessState.RUNNING) {
                throw new SupervisorException(Fault.ABNORMAL_TERMINATION, name);
            }
            return p.state == ProcessState.RUNNING ? Boolean.TRUE : null;
        };
    }

    /** The dependencies p waits for, directly or not: those not ready, and what they need in turn. */
    private static List<ProcessRuntime> needed(ProcessGraph g, ProcessRuntime p) {
        java.util.Set<ProcessRuntime> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<ProcessRuntime> todo = new ArrayList<>(g.dependenciesOf(p));
        while (!todo.isEmpty()) {
            ProcessRuntime q = todo.remove(todo.size() - 1);
            if (q != p && !q.readyForDependents() && seen.add(q)) {
                todo.addAll(g.dependenciesOf(q));
            }
        }
        return g.sortedForStart(new ArrayList<>(seen));
    }

    private SupervisorException refused(String name, String why) {
        engine.log.warn("not starting " + name + ": " + why);
        return new SupervisorException(Fault.SPAWN_ERROR, name + ": " + why);
    }

    /** Whether a start of p waits for its dependencies. */
    boolean queued(ProcessRuntime p) {
        return starts.containsKey(p);
    }

    /** {@code stop name} of a queued process: the queued start is dropped. @return whether there was one */
    boolean cancelStart(ProcessRuntime p) {
        PendingStart ps = starts.remove(p);
        if (ps == null) {
            return false;
        }
        ps.fail(Fault.SPAWN_ERROR, "start cancelled by a stop");
        engine.log.info("not starting " + p.namespec() + ": start cancelled by a stop");
        return true;
    }

    /** Spawns the queued starts whose dependencies are ready, in start order; ends those that cannot happen. */
    private void runStarts(ProcessGraph g) {
        Map<ProcessRuntime, String> failedNow = new IdentityHashMap<>();
        for (ProcessRuntime p : g.sortedForStart(new ArrayList<>(starts.keySet()))) {
            PendingStart ps = starts.get(p);
            String why = step(g, ps, failedNow);
            if (why != null) {
                failedNow.put(p, why);
                engine.log.warn("not starting " + p.namespec() + ": " + why);
            }
            if (ps.done) {
                starts.remove(p);
            }
        }
    }

    /** @return the reason when this start just failed for a dependency */
    private String step(ProcessGraph g, PendingStart ps, Map<ProcessRuntime, String> failedNow) {
        ProcessRuntime p = ps.process;
        if (p.state.isRunning() || p.state == ProcessState.STOPPING) {
            ps.done = true; // started meanwhile (autostart, autorestart, another call)
            return null;
        }
        if (!g.missingOf(p).isEmpty()) {
            return failed(ps, "dependency " + g.missingOf(p).get(0) + " is not loaded");
        }
        boolean allReady = true;
        for (ProcessRuntime d : g.dependenciesOf(p)) {
            if (d.readyForDependents()) {
                continue;
            }
            allReady = false;
            switch (d.state) {
                case FATAL, UNKNOWN, STOPPING -> {
                    return failed(ps, "dependency " + d.namespec() + " is " + d.state);
                }
                case STOPPED, EXITED -> {
                    if (failedNow.containsKey(d)) {
                        return failed(ps, "dependency " + d.namespec() + " could not start (" + failedNow.get(d) + ")");
                    }
                    if (!starts.containsKey(d)) {
                        return failed(ps, "dependency " + d.namespec() + " is " + d.state);
                    }
                }
                default -> {
                    // STARTING, BACKOFF, or RUNNING but not ready yet: wait
                }
            }
        }
        if (!allReady) {
            return null;
        }
        try {
            engine.resolve(p);
        } catch (SpawnError e) {
            ps.fail(e.fault(), e.getMessage());
            return null; // not a dependency's fault: the caller's reply carries it
        }
        p.spawn();
        if (p.spawnerr != null) {
            ps.fail(Fault.SPAWN_ERROR, null);
        } else {
            p.transition();
            ps.done = true;
        }
        return null;
    }

    private static String failed(PendingStart ps, String why) {
        ps.fail(Fault.SPAWN_ERROR, why);
        return why;
    }

    // ---- stop --------------------------------------------------------------------------------------

    /** A stop of {@code process} held back until {@code first} (the processes depending on it) are stopped. */
    static final class PendingStop {
        final ProcessRuntime process;
        final List<ProcessRuntime> first;
        boolean signalled;
        String failure;

        PendingStop(ProcessRuntime process, List<ProcessRuntime> first) {
            this.process = process;
            this.first = first;
        }

        boolean blocked() {
            for (ProcessRuntime d : first) {
                if (!d.state.isStopped()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code processes} in the order a group or "all" start acts on them: dependencies first. */
    List<ProcessRuntime> startOrder(List<ProcessRuntime> processes) {
        return graph().sortedForStart(processes);
    }

    /** {@code processes} in the order a group or "all" stop acts on them: dependents first. */
    List<ProcessRuntime> stopOrder(List<ProcessRuntime> processes) {
        return graph().sortedForStop(processes);
    }

    /**
     * One process of a group or "all" stop over {@code scope}: null when the caller should stop p now as usual;
     * otherwise p is stopped by a later pass, once the processes of {@code scope} that depend on it are stopped.
     */
    ProcessManagerImpl.Poll<Boolean> stop(String name, ProcessRuntime p, boolean wait, List<ProcessRuntime> scope) {
        ProcessGraph g = graph();
        if (g.isEmpty()) {
            return null;
        }
        List<ProcessRuntime> first = new ArrayList<>();
        for (ProcessRuntime d : g.dependentClosure(p)) {
            if (scope.contains(d)) {
                first.add(d);
            }
        }
        PendingStop ps = new PendingStop(p, first);
        if (!ps.blocked()) {
            return null;
        }
        stops.put(p, ps);
        if (!wait) {
            return () -> Boolean.TRUE;
        }
        return () -> {
            if (ps.failure != null) {
                throw new SupervisorException(Fault.FAILED, ps.failure);
            }
            if (!ps.signalled) {
                return null;
            }
            if (!p.state.isStopped()) {
                p.stopReport();
                return null;
            }
            return Boolean.TRUE;
        };
    }

    private void runStops() {
        for (PendingStop ps : new ArrayList<>(stops.values())) {
            if (ps.blocked()) {
                continue;
            }
            stops.remove(ps.process);
            ps.signalled = true;
            if (ps.process.state.isRunning()) {
                ps.failure = ps.process.stop();
            }
        }
    }

    /** The daemon's shutdown step for the group it is stopping: processes depending on one go first. */
    void stopForShutdown(GroupRuntime group) {
        ProcessGraph g = graph();
        if (g.isEmpty()) {
            group.stopAll();
            return;
        }
        List<ProcessRuntime> l = group.sorted();
        java.util.Collections.reverse(l);
        for (ProcessRuntime p : l) {
            if (needsStop(p)) {
                List<ProcessRuntime> up = unstopped(g.dependentClosure(p));
                if (up.isEmpty()) {
                    shutdownStop(p);
                }
                for (ProcessRuntime d : up) {
                    if (needsStop(d) && unstopped(g.dependentClosure(d)).isEmpty()) {
                        shutdownStop(d);
                    }
                }
            }
        }
    }

    private static boolean needsStop(ProcessRuntime p) {
        return p.state == ProcessState.RUNNING || p.state == ProcessState.STARTING
                || p.state == ProcessState.BACKOFF;
    }

    private static List<ProcessRuntime> unstopped(List<ProcessRuntime> l) {
        List<ProcessRuntime> out = new ArrayList<>();
        for (ProcessRuntime p : l) {
            if (!p.state.isStopped()) {
                out.add(p);
            }
        }
        return out;
    }

    /** As GroupRuntime.stopAll does for one process. */
    private static void shutdownStop(ProcessRuntime p) {
        if (p.state == ProcessState.BACKOFF) {
            p.giveUp();
        } else {
            p.stop();
        }
    }

    // ---- every pass --------------------------------------------------------------------------------

    /** After the transitions of a pass: queued stops and starts move on; a newly ready dependency wakes the engine. */
    void pass() {
        ProcessGraph g = graph();
        if (g.isEmpty() && starts.isEmpty() && stops.isEmpty()) {
            return;
        }
        if (engine.mood() != SupervisorState.RUNNING) {
            for (PendingStart ps : starts.values()) {
                ps.fail(Fault.SHUTDOWN_STATE, null);
            }
            starts.clear();
            for (PendingStop ps : stops.values()) {
                ps.signalled = true; // the shutdown stops it, in its own order
            }
            stops.clear();
            return;
        }
        runStops();
        runStarts(g);
        boolean wake = false;
        for (ProcessRuntime t : g.targets()) {
            boolean ready = t.readyForDependents();
            Boolean was = lastReady.put(t, ready);
            wake |= ready && !Boolean.TRUE.equals(was);
            ProcessState before = lastState.put(t, t.state);
            if (t.state == ProcessState.FATAL && before != null && before != ProcessState.FATAL) {
                reportWaitingOn(g, t);
            }
        }
        if (wake) {
            engine.wakeUpAfter(0);
        }
    }

    /** Autostart dependents of a dependency that just gave up will not start: say so once. */
    private void reportWaitingOn(ProcessGraph g, ProcessRuntime fatal) {
        for (ProcessRuntime d : g.dependentsOf(fatal)) {
            if (d.state == ProcessState.STOPPED && d.laststart == 0 && d.spec.autostart()) {
                engine.log.warn("not starting " + d.namespec() + ": dependency " + fatal.namespec() + " is FATAL");
            }
        }
    }
}
