package io.jsupervisor.core.internal;

import io.jsupervisor.api.ProcessState;
import io.jsupervisor.config.GroupSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A process group as the engine runs it. */
final class GroupRuntime {
    static final Comparator<ProcessRuntime> BY_PRIORITY =
            Comparator.<ProcessRuntime>comparingInt(p -> p.spec.priority()).thenComparing(ProcessRuntime::name);

    /** Replaced only by {@link FinerUpdate} (a group-level setting such as its priority changed). */
    GroupSpec spec;
    final Map<String, ProcessRuntime> processes = new LinkedHashMap<>();
    /** The [supervisord] environment of the file {@link #spec} was read from; replaced with it. */
    Map<String, String> globalEnvironment;

    GroupRuntime(GroupSpec spec, Map<String, String> globalEnvironment) {
        this.spec = spec;
        this.globalEnvironment = globalEnvironment;
    }

    /** By (priority, name), as the reference sorts processes. */
    List<ProcessRuntime> sorted() {
        List<ProcessRuntime> l = new ArrayList<>(processes.values());
        l.sort(BY_PRIORITY);
        return l;
    }

    /**
     * @param deadline {@link System#nanoTime()} after which the rest waits for the next pass
     * @return false when it stopped at the deadline
     */
    boolean transition(long deadline) {
        for (ProcessRuntime p : sorted()) {
            p.transition();
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
        }
        return true;
    }

    /** Shutdown's stop of one group: stop running ones (highest priority first), give up on BACKOFF. */
    void stopAll() {
        List<ProcessRuntime> l = sorted();
        java.util.Collections.reverse(l);
        for (ProcessRuntime p : l) {
            if (p.state == ProcessState.RUNNING || p.state == ProcessState.STARTING) {
                p.stop();
            } else if (p.state == ProcessState.BACKOFF) {
                p.giveUp();
            }
        }
    }

    List<ProcessRuntime> unstopped() {
        List<ProcessRuntime> l = new ArrayList<>();
        for (ProcessRuntime p : processes.values()) {
            if (!p.state.isStopped()) {
                l.add(p);
            }
        }
        return l;
    }
}
