package io.jsupervisor.config.internal;

import io.jsupervisor.config.DependencyRef;
import io.jsupervisor.config.GroupKind;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.ProcessSpec;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code depends_on} graph across all processes: every entry must name a process that exists and is run
 * (not an {@code [fcgi-program:x]}, which JSupervisor parses but does not run), and the graph must have no cycle.
 * Refusals name the section of the process whose {@code depends_on} is at fault.
 */
final class DependencyGraph {
    private final ReadState state;
    private final List<GroupSpec> groups;
    /** Each process's direct dependencies, in config order; only processes with depends_on are keys. */
    private final Map<ProcessSpec, List<ProcessSpec>> edges = new IdentityHashMap<>();
    private final Map<ProcessSpec, GroupSpec> groupOf = new IdentityHashMap<>();

    private DependencyGraph(ReadState state, List<GroupSpec> groups) {
        this.state = state;
        this.groups = groups;
    }

    static void check(ReadState state, List<GroupSpec> groups) {
        new DependencyGraph(state, groups).check();
    }

    private void check() {
        List<ProcessSpec> all = new ArrayList<>();
        for (GroupSpec g : groups) {
            for (ProcessSpec p : g.processes()) {
                groupOf.put(p, g);
                all.add(p);
            }
        }
        for (ProcessSpec p : all) {
            List<DependencyRef> refs = DependencyRef.of(p);
            if (!refs.isEmpty()) {
                edges.put(p, resolve(p, refs, all));
            }
        }
        if (!edges.isEmpty()) {
            findCycle(all);
        }
    }

    private List<ProcessSpec> resolve(ProcessSpec p, List<DependencyRef> refs, List<ProcessSpec> all) {
        List<ProcessSpec> out = new ArrayList<>();
        for (DependencyRef ref : refs) {
            List<ProcessSpec> found = new ArrayList<>();
            for (ProcessSpec q : all) {
                if (ref.matches(q)) {
                    found.add(q);
                }
            }
            if (found.isEmpty()) {
                throw refuse(p, unknown(ref, all));
            }
            for (ProcessSpec q : found) {
                if (groupOf.get(q).kind() == GroupKind.FCGI || section(q).startsWith("fcgi-program:")) {
                    throw refuse(p, ref.text() + " is an fcgi-program, which is not run (only parsed)");
                }
                if (!out.contains(q)) {
                    out.add(q);
                }
            }
        }
        return out;
    }

    /** The most precise reason: a group that exists but lacks the process is said so. */
    private String unknown(DependencyRef ref, List<ProcessSpec> all) {
        if (ref.program() != null) {
            return "unknown program " + ref.text();
        }
        boolean groupExists = all.stream().anyMatch(q -> q.groupName().equals(ref.group()));
        if (ref.process() == null || !groupExists) {
            return "unknown group " + ref.group();
        }
        return "unknown process " + ref.text();
    }

    /** Depth-first search in config order; the first cycle found is refused, named from where it closes. */
    private void findCycle(List<ProcessSpec> all) {
        Map<ProcessSpec, Integer> color = new IdentityHashMap<>(); // absent: unseen, 1: on the path, 2: done
        for (ProcessSpec start : all) {
            if (!color.containsKey(start) && edges.containsKey(start)) {
                visit(start, color, new LinkedHashMap<>());
            }
        }
    }

    private void visit(ProcessSpec p, Map<ProcessSpec, Integer> color, LinkedHashMap<ProcessSpec, Boolean> path) {
        color.put(p, 1);
        path.put(p, Boolean.TRUE);
        for (ProcessSpec q : edges.getOrDefault(p, List.of())) {
            Integer c = color.get(q);
            if (c == null) {
                visit(q, color, path);
            } else if (c == 1) {
                List<String> names = new ArrayList<>();
                boolean inCycle = false;
                for (ProcessSpec onPath : path.keySet()) {
                    inCycle |= onPath == q;
                    if (inCycle) {
                        names.add(namespec(onPath));
                    }
                }
                names.add(namespec(q));
                throw refuse(q, "dependency cycle " + String.join(" -> ", names));
            }
        }
        path.remove(p);
        color.put(p, 2);
    }

    private Refusal refuse(ProcessSpec p, String reason) {
        return state.options(section(p)).refuse(DependencyRef.OPTION, reason);
    }

    /** The section the process came from. */
    private String section(ProcessSpec p) {
        GroupSpec g = groupOf.get(p);
        String prefix = switch (g.kind()) {
            case EVENTLISTENER -> "eventlistener:";
            case FCGI -> "fcgi-program:";
            case PROGRAM -> "program:";
            case HETEROGENEOUS -> state.ini.hasSection("program:" + p.programName()) ? "program:" : "fcgi-program:";
        };
        return prefix + p.programName();
    }

    /** {@code name} when the group is named after the process, else {@code group:name} (as supervisorctl). */
    static String namespec(ProcessSpec p) {
        return p.groupName().equals(p.name()) ? p.name() : p.groupName() + ":" + p.name();
    }
}
