package io.jsupervisor.core.internal;

import io.jsupervisor.api.ProcessState;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code remember_stopped}: the processes an operator had stopped when an in-process restart (reload) began,
 * so that they stay STOPPED after it instead of being autostarted (the reference forgets them: its issues
 * #591, #877). Taken before the restart stops everything; applied to the new groups, for the processes whose
 * new configuration has {@code remember_stopped = true}.
 */
final class RememberedStops {
    /** When the stopped process had last started and stopped (epoch seconds), shown again by its description. */
    private record Stamp(double laststart, double laststop) {
    }

    private final Map<String, Stamp> stopped = new LinkedHashMap<>();

    /** STOPPED after having run (only a stop request gets there), or STOPPING on a stop request now. */
    static RememberedStops capture(Collection<GroupRuntime> groups, double now) {
        RememberedStops r = new RememberedStops();
        for (GroupRuntime g : groups) {
            for (ProcessRuntime p : g.processes.values()) {
                if (p.state == ProcessState.STOPPED && p.laststart != 0) {
                    r.stopped.put(p.namespec(), new Stamp(p.laststart, p.laststop));
                } else if (p.state == ProcessState.STOPPING) {
                    r.stopped.put(p.namespec(), new Stamp(p.laststart, now));
                }
            }
        }
        return r;
    }

    /**
     * Marks the remembered ones among the new processes as started before: autostart only starts a process
     * that never started ({@code laststart == 0}), so they stay STOPPED until someone starts them.
     */
    void apply(Collection<GroupRuntime> groups, MainLog log) {
        for (GroupRuntime g : groups) {
            for (ProcessRuntime p : g.sorted()) {
                Stamp s = stopped.get(p.namespec());
                if (s != null && p.restart.rememberStopped() && p.state == ProcessState.STOPPED && p.laststart == 0) {
                    p.laststart = s.laststart();
                    p.laststop = s.laststop();
                    log.info("kept " + p.name() + " stopped across the restart (remember_stopped)");
                }
            }
        }
    }
}
