package io.jsupervisor.core.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.api.SupervisorState;
import io.jsupervisor.api.UpdateReport;
import io.jsupervisor.config.ChannelLogSpec;
import io.jsupervisor.config.GroupKind;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link io.jsupervisor.api.ProcessManager#updateChangedOnly}: the reference's {@code update} (groups added and
 * removed whole), except that in a changed group only the processes whose own settings changed are stopped and
 * replaced; their siblings keep running. Made and polled on the engine thread: {@link #begin} plans and sends the
 * stops, {@link #poll} waits (without blocking) until every process to replace is stopped, then swaps the runtimes.
 *
 * <p>Decisions: a replaced process starts again when it was running (STARTING, RUNNING, BACKOFF or STOPPING) or
 * when its new settings say {@code autostart}, as a newly added one would. A group whose own settings changed is
 * handled as a whole (removed and added, reported in both lists) when it is an event listener pool (its pool is
 * made with the group) or its kind changed; a change of group priority alone only reorders, nothing restarts.
 */
final class FinerUpdate implements ProcessManagerImpl.Poll<UpdateReport> {
    /** A group whose processes are compared one by one. */
    private static final class Changed {
        final GroupRuntime runtime;
        final GroupSpec next;
        final Map<String, ProcessSpec> replaced = new LinkedHashMap<>();
        final List<String> removed = new ArrayList<>();
        final List<String> added = new ArrayList<>();
        final Map<String, Boolean> wasRunning = new HashMap<>();

        Changed(GroupRuntime runtime, GroupSpec next) {
            this.runtime = runtime;
            this.next = next;
        }
    }

    private final Engine engine;
    /** The [supervisord] environment of the file being applied: what added and replaced processes get. */
    private final Map<String, String> globalEnvironment;
    private final List<GroupSpec> addedGroups = new ArrayList<>();
    private final Map<String, GroupRuntime> removedGroups = new LinkedHashMap<>();
    private final Map<String, GroupSpec> replacedGroups = new LinkedHashMap<>();
    private final Map<String, GroupRuntime> replacedRuntimes = new LinkedHashMap<>();
    private final List<Changed> changed = new ArrayList<>();
    /** Every process that must be stopped before the swap. */
    private final List<ProcessRuntime> toStop = new ArrayList<>();
    /** Those whose stop failed (UNKNOWN): left as they are, and their whole group with them. */
    private final List<ProcessRuntime> failed = new ArrayList<>();

    private FinerUpdate(Engine engine, Map<String, String> globalEnvironment) {
        this.engine = engine;
        this.globalEnvironment = globalEnvironment;
    }

    /** On the engine thread: compare {@code parsed} with what runs, remember it as the last parsed, send the stops. */
    static FinerUpdate begin(Engine engine, SupervisorConfig parsed) {
        FinerUpdate u = new FinerUpdate(engine, parsed.supervisord().environment());
        engine.lastParsed = parsed; // as reloadConfig: getAllConfigInfo and addProcessGroup see the new file
        u.plan(parsed);
        u.stopAll();
        return u;
    }

    private void plan(SupervisorConfig after) {
        for (GroupSpec g : after.groups()) {
            if (g.kind() == GroupKind.FCGI) {
                continue; // never run, so never added (as reloadConfig)
            }
            GroupRuntime running = engine.groups.get(g.name());
            if (running == null) {
                addedGroups.add(g);
            } else if (g.kind() != running.spec.kind() || g.kind() == GroupKind.EVENTLISTENER
                    || !Objects.equals(g.pool(), running.spec.pool())) {
                if (!running.spec.equals(g) || !sameEnvironments(running.spec, g, running.globalEnvironment)) {
                    replacedGroups.put(g.name(), g);
                    replacedRuntimes.put(g.name(), running);
                    toStop.addAll(running.processes.values());
                }
            } else {
                Changed c = compare(running, g);
                if (c != null) {
                    changed.add(c);
                }
            }
        }
        for (Map.Entry<String, GroupRuntime> e : engine.groups.entrySet()) {
            if (after.group(e.getKey()).isEmpty()) {
                removedGroups.put(e.getKey(), e.getValue());
                toStop.addAll(e.getValue().processes.values());
            }
        }
    }

    /** The processes of a group compared by name; {@code null} when nothing at all changed. */
    private Changed compare(GroupRuntime running, GroupSpec next) {
        Changed c = new Changed(running, next);
        for (ProcessSpec p : next.processes()) {
            ProcessRuntime now = running.processes.get(p.name());
            if (now == null) {
                c.added.add(p.name());
            } else if (!sameSettings(now.spec, p) || !sameEnvironment(now.spec, p, running.globalEnvironment)) {
                c.replaced.put(p.name(), p);
                c.wasRunning.put(p.name(), now.state.isRunning() || now.state == ProcessState.STOPPING);
                toStop.add(now);
            }
        }
        Set<String> names = new HashSet<>();
        next.processes().forEach(s -> names.add(s.name()));
        for (ProcessRuntime p : running.processes.values()) {
            if (!names.contains(p.name())) {
                c.removed.add(p.name());
                toStop.add(p);
            }
        }
        // also when only numprocs or the group priority differ: the group takes the new settings, nothing restarts
        return running.spec.equals(next) && c.replaced.isEmpty() ? null : c;
    }

    /**
     * Settings equal as {@code reloadConfig} compares them, except {@code numprocs} among the raw options: growing
     * a pool from 2 to 3 must not restart the first two (anything expanded from numprocs differs elsewhere anyway).
     */
    static boolean sameSettings(ProcessSpec a, ProcessSpec b) {
        if (a.equals(b)) {
            return true;
        }
        for (RecordComponent rc : ProcessSpec.class.getRecordComponents()) {
            Object x;
            Object y;
            try {
                x = rc.getAccessor().invoke(a);
                y = rc.getAccessor().invoke(b);
            } catch (ReflectiveOperationException e) {
                return false;
            }
            if (rc.getName().equals("options")) {
                x = withoutNumprocs(a.options());
                y = withoutNumprocs(b.options());
            }
            if (!Objects.equals(x, y)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> withoutNumprocs(Map<String, String> options) {
        Map<String, String> m = new HashMap<>(options);
        m.remove("numprocs");
        return m;
    }

    /** The reference merges {@code [supervisord] environment} into each process's (see reloadConfig). */
    private boolean sameEnvironment(ProcessSpec was, ProcessSpec now, Map<String, String> before) {
        return ChildEnvironment.configured(before, was).equals(ChildEnvironment.configured(globalEnvironment, now));
    }

    private boolean sameEnvironments(GroupSpec was, GroupSpec now, Map<String, String> before) {
        if (was.processes().size() != now.processes().size()) {
            return false;
        }
        for (int i = 0; i < was.processes().size(); i++) {
            if (!sameEnvironment(was.processes().get(i), now.processes().get(i), before)) {
                return false;
            }
        }
        return true;
    }

    private void stopAll() {
        for (ProcessRuntime p : toStop) {
            stop(p);
        }
    }

    /** Stops {@code p} when it runs (again, if someone started it meanwhile); a failed stop leaves it alone. */
    private void stop(ProcessRuntime p) {
        if (!p.state.isRunning() || failed.contains(p)) {
            return;
        }
        String error = p.stop();
        if (error != null) {
            failed.add(p);
            engine.log.warn("update: could not stop " + p.namespec() + ": " + error + "; leaving it as it is");
        }
    }

    @Override
    public UpdateReport poll() {
        if (engine.mood() != SupervisorState.RUNNING) {
            throw new SupervisorException(Fault.SHUTDOWN_STATE);
        }
        boolean waiting = false;
        for (ProcessRuntime p : toStop) {
            stop(p);
            if (!p.state.isStopped() && !failed.contains(p)) {
                p.stopReport();
                waiting = true;
            }
        }
        if (waiting) {
            return null;
        }
        UpdateReport r = apply();
        engine.wakeUpAfter(0); // the next pass autostarts what was added or replaced
        return r;
    }

    private boolean untouched(String name, GroupRuntime planned) {
        if (engine.groups.get(name) != planned) {
            return false; // removed or replaced meanwhile by another client: not ours to change any more
        }
        return planned.processes.values().stream().noneMatch(failed::contains);
    }

    private UpdateReport apply() {
        List<String> added = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> restarted = new ArrayList<>();
        List<String> addedProcesses = new ArrayList<>();
        List<String> removedProcesses = new ArrayList<>();
        removedGroups.forEach((name, g) -> {
            if (untouched(name, g) && engine.removeGroup(name)) {
                removed.add(name);
            }
        });
        replacedGroups.forEach((name, spec) -> {
            if (untouched(name, replacedRuntimes.get(name)) && engine.removeGroup(name)) {
                removed.add(name);
                if (engine.addGroup(spec, globalEnvironment)) {
                    added.add(name);
                }
            }
        });
        for (Changed c : changed) {
            if (!untouched(c.next.name(), c.runtime)) {
                continue;
            }
            swap(c, restarted, addedProcesses, removedProcesses);
        }
        for (GroupSpec g : addedGroups) {
            if (engine.addGroup(g, globalEnvironment)) {
                added.add(g.name());
            }
        }
        for (List<String> l : List.of(added, removed, restarted, addedProcesses, removedProcesses)) {
            l.sort(null);
        }
        return new UpdateReport(added, removed, restarted, addedProcesses, removedProcesses);
    }

    /** Rebuilds the group's process table in the new file's order: kept runtimes, new ones for the rest. */
    private void swap(Changed c, List<String> restarted, List<String> addedProcesses, List<String> removedProcesses) {
        GroupRuntime g = c.runtime;
        Map<String, ProcessRuntime> old = new LinkedHashMap<>(g.processes);
        Map<String, ProcessRuntime> table = new LinkedHashMap<>();
        List<ProcessRuntime> toSpawn = new ArrayList<>();
        for (ProcessSpec spec : c.next.processes()) {
            ProcessRuntime was = old.remove(spec.name());
            if (was != null && !c.replaced.containsKey(spec.name())) {
                table.put(spec.name(), was);
                continue;
            }
            ProcessRuntime fresh = new ProcessRuntime(engine, g, spec, log(spec, was, LogChannel.STDOUT),
                    log(spec, was, LogChannel.STDERR));
            table.put(spec.name(), fresh);
            if (was == null) {
                addedProcesses.add(fresh.namespec());
                engine.log.info("update: added process " + fresh.namespec());
            } else {
                restarted.add(fresh.namespec());
                engine.log.info("update: replaced process " + fresh.namespec() + " with its new settings");
                if (!spec.autostart() && c.wasRunning.getOrDefault(spec.name(), false)) {
                    toSpawn.add(fresh);
                }
            }
        }
        for (ProcessRuntime gone : old.values()) {
            removedProcesses.add(gone.namespec());
            engine.log.info("update: removed process " + gone.namespec());
        }
        g.processes.clear();
        g.processes.putAll(table);
        g.spec = c.next;
        g.globalEnvironment = globalEnvironment; // kept processes merge to the same environment: else replaced
        engine.dependencies.groupsChanged(); // the graph holds runtimes: the fresh ones replace the old
        engine.limits.added(g);
        for (ProcessRuntime p : toSpawn) {
            p.spawn(); // running before, not autostart: started again as "restart" promises
        }
    }

    /** The previous runtime's file when the channel's settings are the same (an AUTO log keeps its name). */
    private LogFileSpec log(ProcessSpec spec, ProcessRuntime was, LogChannel channel) {
        ChannelLogSpec settings = channel == LogChannel.STDOUT ? spec.stdout() : spec.stderr();
        if (was != null) {
            ChannelLogSpec before = channel == LogChannel.STDOUT ? was.spec.stdout() : was.spec.stderr();
            if (settings.equals(before)) {
                return channel == LogChannel.STDOUT ? was.stdoutLog : was.stderrLog;
            }
        }
        return engine.resolveLog(settings, spec.name(), channel);
    }
}
