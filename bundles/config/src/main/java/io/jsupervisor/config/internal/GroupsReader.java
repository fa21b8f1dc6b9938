package io.jsupervisor.config.internal;

import io.jsupervisor.config.GroupKind;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.ListenerPoolSpec;
import io.jsupervisor.config.ProcessSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * All process groups, in the reference's order of reading ({@code [group:x]}, then programs not in a
 * group, event listener pools, FastCGI programs not in a group), then sorted by (priority, name).
 */
final class GroupsReader {
    static final String DEFAULT_RESULT_HANDLER = "supervisor.dispatchers:default_handler";

    private final ReadState state;
    private final List<String> sections;
    private final Set<String> inGroups = new LinkedHashSet<>();
    private final List<GroupSpec> groups = new ArrayList<>();

    private GroupsReader(ReadState state) {
        this.state = state;
        this.sections = state.ini.sections();
    }

    static List<GroupSpec> read(ReadState state) {
        GroupsReader r = new GroupsReader(state);
        r.heterogeneous();
        r.homogeneous("program:", GroupKind.PROGRAM);
        r.listeners();
        r.homogeneous("fcgi-program:", GroupKind.FCGI);
        r.groups.sort(Comparator.comparingInt(GroupSpec::priority).thenComparing(GroupSpec::name));
        return r.groups;
    }

    private void heterogeneous() {
        for (String section : sections) {
            if (!section.startsWith("group:")) {
                continue;
            }
            SectionOptions opts = state.options(section);
            String name = opts.at(null, () -> PyValues.name(section.split(":", 2)[1]));
            List<String> programs = PyValues.strings(opts.get("programs", null, state.hereNames()));
            int priority = opts.typed("priority", opts.get("priority", "999", state.hereNames()), PyValues::integer);
            List<ProcessSpec> processes = new ArrayList<>();
            // The reference reuses its loop variable: errors name the previous program's section.
            String current = section;
            for (String program : programs) {
                String prog = "program:" + program;
                String fcgi = "fcgi-program:" + program;
                boolean isProg = sections.contains(prog);
                boolean isFcgi = sections.contains(fcgi);
                if (!isProg && !isFcgi) {
                    throw opts.refuse("programs", "[" + current + "] names unknown program or fcgi-program " + program);
                }
                if (isProg && isFcgi) {
                    throw opts.refuse("programs", "[" + current + "] name " + program
                            + " is ambiguous (exists as program and fcgi-program)");
                }
                current = isProg ? prog : fcgi;
                inGroups.add(current);
                processes.addAll(ProcessSectionReader.read(state, current, name));
            }
            groups.add(new GroupSpec(name, priority, GroupKind.HETEROGENEOUS, processes, null));
        }
    }

    private void homogeneous(String prefix, GroupKind kind) {
        for (String section : sections) {
            if (!section.startsWith(prefix) || inGroups.contains(section)) {
                continue;
            }
            SectionOptions opts = state.options(section);
            String name = opts.at(null, () -> PyValues.name(section.split(":", 2)[1]));
            int priority = opts.typed("priority", opts.get("priority", "999", state.hereNames()), PyValues::integer);
            if (kind == GroupKind.FCGI) {
                FcgiSocketReader.check(state, opts, name);
            }
            groups.add(new GroupSpec(name, priority, kind, ProcessSectionReader.read(state, section, name), null));
        }
    }

    private void listeners() {
        for (String section : sections) {
            if (!section.startsWith("eventlistener:")) {
                continue;
            }
            SectionOptions opts = state.options(section);
            String pool = section.split(":", 2)[1];
            int priority = opts.typed("priority", opts.get("priority", "-1", state.hereNames()), PyValues::integer);
            int bufferSize = opts.typed("buffer_size", opts.get("buffer_size", "10", state.hereNames()),
                    PyValues::integer);
            if (bufferSize < 1) {
                throw opts.refuse("buffer_size", "[" + section + "] section sets invalid buffer_size (" + bufferSize
                        + ")");
            }
            String handler = opts.get("result_handler", DEFAULT_RESULT_HANDLER, state.hereNames());
            if (!handler.equals(DEFAULT_RESULT_HANDLER)) {
                // Only the reference's own handler exists here; any other Python entry point cannot resolve.
                throw opts.refuse("result_handler", handler + " cannot be resolved within [" + section + "]");
            }
            List<String> events = events(opts, section);
            boolean redirect = opts.typed("redirect_stderr", opts.get("redirect_stderr", "false", state.hereNames()),
                    PyValues::bool);
            if (redirect) {
                throw opts.refuse("redirect_stderr", "[" + section + "] section sets redirect_stderr=true but this is "
                        + "not allowed because it will interfere with the eventlistener protocol");
            }
            groups.add(new GroupSpec(pool, priority, GroupKind.EVENTLISTENER,
                    ProcessSectionReader.read(state, section, pool), new ListenerPoolSpec(events, bufferSize, handler)));
        }
    }

    private List<String> events(SectionOptions opts, String section) {
        Set<String> names = new LinkedHashSet<>();
        for (String e : PyValues.strings(opts.get("events", "", state.hereNames()))) {
            names.add(e.toUpperCase(java.util.Locale.ROOT));
        }
        if (names.isEmpty()) {
            throw opts.refuse("events", "[" + section + "] section requires an \"events\" line");
        }
        for (String n : names) {
            if (!EventTypeNames.ALL.contains(n)) {
                throw opts.refuse("events", "Unknown event type " + n + " in [" + section + "] events");
            }
        }
        return new ArrayList<>(names);
    }
}
