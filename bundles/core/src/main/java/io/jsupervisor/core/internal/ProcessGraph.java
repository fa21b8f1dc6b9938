package io.jsupervisor.core.internal;

import io.jsupervisor.config.DependencyRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The {@code depends_on} edges between the processes the engine runs now, resolved by name against the loaded
 * groups (a group removed by {@code update} leaves its dependents with a missing dependency until it is added
 * again), plus the start order (dependencies first) and stop order (dependents first) that keep the reference's
 * priority order wherever the graph leaves a choice. Immutable; rebuilt when groups are added or removed.
 */
final class ProcessGraph {
    static final ProcessGraph EMPTY = new ProcessGraph();

    /** Direct dependencies of each process with a depends_on, in the order written. */
    private final Map<ProcessRuntime, List<ProcessRuntime>> dependencies = new IdentityHashMap<>();
    /** The entries of a process's depends_on that name nothing loaded now. */
    private final Map<ProcessRuntime, List<String>> missing = new IdentityHashMap<>();
    private final Map<ProcessRuntime, List<ProcessRuntime>> dependents = new IdentityHashMap<>();
    private final Map<ProcessRuntime, Integer> startIndex = new IdentityHashMap<>();
    private final Map<ProcessRuntime, Integer> stopIndex = new IdentityHashMap<>();

    private ProcessGraph() {
    }

    /** @param all every process, in the reference's order (groups by priority, then processes by priority) */
    static ProcessGraph of(List<ProcessRuntime> all) {
        ProcessGraph g = new ProcessGraph();
        Map<String, List<ProcessRuntime>> byProgram = new HashMap<>();
        Map<String, List<ProcessRuntime>> byGroup = new HashMap<>();
        boolean any = false;
        for (ProcessRuntime p : all) {
            byProgram.computeIfAbsent(p.spec.programName(), k -> new ArrayList<>()).add(p);
            byGroup.computeIfAbsent(p.group.spec.name(), k -> new ArrayList<>()).add(p);
            any |= p.spec.options().containsKey(DependencyRef.OPTION);
        }
        if (!any) {
            return EMPTY;
        }
        for (ProcessRuntime p : all) {
            List<DependencyRef> refs = DependencyRef.of(p.spec);
            if (refs.isEmpty()) {
                continue;
            }
            Set<ProcessRuntime> found = new LinkedHashSet<>();
            for (DependencyRef ref : refs) {
                List<ProcessRuntime> candidates = ref.program() != null
                        ? byProgram.getOrDefault(ref.program(), List.of())
                        : byGroup.getOrDefault(ref.group(), List.of());
                boolean matched = false;
                for (ProcessRuntime q : candidates) {
                    if (ref.matches(q.spec) && q != p) {
                        found.add(q);
                        matched = true;
                    }
                }
                if (!matched) {
                    g.missing.computeIfAbsent(p, k -> new ArrayList<>()).add(ref.text());
                }
            }
            g.dependencies.put(p, List.copyOf(found));
            for (ProcessRuntime q : found) {
                g.dependents.computeIfAbsent(q, k -> new ArrayList<>()).add(p);
            }
        }
        g.order(all, true);
        g.order(all, false);
        return g;
    }

    /**
     * Kahn's algorithm; among the processes free to go, the one first in the reference's order goes first. A
     * cycle (only possible by mixing groups of two configurations with addProcessGroup) keeps reference order.
     */
    private void order(List<ProcessRuntime> all, boolean start) {
        Map<ProcessRuntime, Integer> rank = new IdentityHashMap<>();
        for (int i = 0; i < all.size(); i++) {
            rank.put(all.get(i), i);
        }
        Map<ProcessRuntime, List<ProcessRuntime>> before = start ? dependencies : dependents;
        Map<ProcessRuntime, List<ProcessRuntime>> after = start ? dependents : dependencies;
        Map<ProcessRuntime, Integer> waiting = new IdentityHashMap<>();
        PriorityQueue<ProcessRuntime> free = new PriorityQueue<>(java.util.Comparator.comparingInt(rank::get));
        for (ProcessRuntime p : all) {
            int n = before.getOrDefault(p, List.of()).size();
            if (n == 0) {
                free.add(p);
            } else {
                waiting.put(p, n);
            }
        }
        Map<ProcessRuntime, Integer> index = start ? startIndex : stopIndex;
        while (!free.isEmpty()) {
            ProcessRuntime p = free.poll();
            index.put(p, index.size());
            for (ProcessRuntime q : after.getOrDefault(p, List.of())) {
                if (waiting.merge(q, -1, Integer::sum) == 0) {
                    waiting.remove(q);
                    free.add(q);
                }
            }
        }
        for (ProcessRuntime p : all) {
            index.putIfAbsent(p, index.size());
        }
    }

    boolean isEmpty() {
        return this == EMPTY;
    }

    List<ProcessRuntime> dependenciesOf(ProcessRuntime p) {
        return dependencies.getOrDefault(p, List.of());
    }

    List<ProcessRuntime> dependentsOf(ProcessRuntime p) {
        return dependents.getOrDefault(p, List.of());
    }

    /** Entries of p's depends_on that name no loaded process. */
    List<String> missingOf(ProcessRuntime p) {
        return missing.getOrDefault(p, List.of());
    }

    /** Every process some other process depends on. */
    Set<ProcessRuntime> targets() {
        return dependents.keySet();
    }

    /** Every process that depends on p, directly or not. */
    List<ProcessRuntime> dependentClosure(ProcessRuntime p) {
        return sortedForStop(reach(p, dependents));
    }

    private static List<ProcessRuntime> reach(ProcessRuntime p, Map<ProcessRuntime, List<ProcessRuntime>> edges) {
        Set<ProcessRuntime> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        List<ProcessRuntime> todo = new ArrayList<>(edges.getOrDefault(p, List.of()));
        while (!todo.isEmpty()) {
            ProcessRuntime q = todo.remove(todo.size() - 1);
            if (q != p && seen.add(q)) {
                todo.addAll(edges.getOrDefault(q, List.of()));
            }
        }
        return new ArrayList<>(seen);
    }

    /** {@code processes} with dependencies before their dependents, else in the reference's order. */
    List<ProcessRuntime> sortedForStart(List<ProcessRuntime> processes) {
        return sorted(processes, startIndex);
    }

    /** {@code processes} with dependents before their dependencies, else in the reference's order. */
    List<ProcessRuntime> sortedForStop(List<ProcessRuntime> processes) {
        return sorted(processes, stopIndex);
    }

    private List<ProcessRuntime> sorted(List<ProcessRuntime> processes, Map<ProcessRuntime, Integer> index) {
        List<ProcessRuntime> l = new ArrayList<>(processes);
        if (!isEmpty()) {
            l.sort((a, b) -> Integer.compare(index.getOrDefault(a, Integer.MAX_VALUE),
                    index.getOrDefault(b, Integer.MAX_VALUE)));
        }
        return l;
    }
}
