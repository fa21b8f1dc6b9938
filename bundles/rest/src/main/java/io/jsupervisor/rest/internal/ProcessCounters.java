package io.jsupervisor.rest.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.config.AutoRestart;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Start and restart counts per process, counted from the state events seen since this bundle started
 * (the core keeps no such counts). A start is every {@code PROCESS_STATE_STARTING}. A restart is a
 * STARTING that the state machine made on its own: after BACKOFF (a retry), or after EXITED when the
 * process's {@code autorestart} asked for one (so a manual start of an exited process does not count).
 */
final class ProcessCounters {
    /** Counts of one process; {@code restartPending} is set by an EXITED that autorestart will follow. */
    static final class Counts {
        final AtomicLong starts = new AtomicLong();
        final AtomicLong restarts = new AtomicLong();
        volatile Integer lastExit;
        volatile boolean restartPending;
    }

    private final Map<String, Counts> byName = new ConcurrentHashMap<>();
    private final Supplier<SupervisorConfig> config;
    private final Function<String, ProcessInfo> info;

    /**
     * {@code config} gives the running configuration, or {@code null} when unknown (then every exit
     * restarts); {@code info} reads a process by namespec, for its exit status at an EXITED event.
     */
    ProcessCounters(Supplier<SupervisorConfig> config, Function<String, ProcessInfo> info) {
        this.config = config;
        this.info = info;
    }

    void onEvent(SupervisorEvent event) {
        if (!event.type().isA(EventType.PROCESS_STATE)) {
            return;
        }
        String group = event.headers().get("groupname");
        String name = event.headers().get("processname");
        if (group == null || name == null) {
            return;
        }
        Counts c = byName.computeIfAbsent(key(group, name), k -> new Counts());
        switch (event.type()) {
            case PROCESS_STATE_EXITED -> {
                c.restartPending = willRestart(group, name, event.headers().get("expected"));
                seeExit(c, group, name);
            }
            case PROCESS_STATE_STARTING -> {
                c.starts.incrementAndGet();
                String from = event.headers().get("from_state");
                if ("BACKOFF".equals(from) || ("EXITED".equals(from) && c.restartPending)) {
                    c.restarts.incrementAndGet();
                }
                c.restartPending = false;
            }
            default -> c.restartPending = false;
        }
    }

    /** The event has no exit status and a spawn resets it: read it now, unless the restart already happened. */
    private void seeExit(Counts c, String group, String name) {
        try {
            ProcessInfo p = info.apply(group.equals(name) ? name : group + ":" + name);
            if (p != null && (p.state() == ProcessState.EXITED || p.state() == ProcessState.BACKOFF)) {
                c.lastExit = p.exitstatus();
            }
        } catch (RuntimeException e) {
            // gone or shutting down: keep the last one seen
        }
    }

    /**
     * The exit status of the last exit: the process's own while it is stopped (and remembered), else the
     * last one seen, since a spawn resets it to 0 as the reference does.
     */
    int lastExit(ProcessInfo p) {
        Counts c = byName.computeIfAbsent(key(p.group(), p.name()), k -> new Counts());
        if (p.state().isStopped() || p.state() == ProcessState.BACKOFF) {
            c.lastExit = p.exitstatus();
            return p.exitstatus();
        }
        Integer seen = c.lastExit;
        return seen == null ? p.exitstatus() : seen;
    }

    private boolean willRestart(String group, String name, String expected) {
        AutoRestart policy = policy(group, name);
        return policy == null || policy == AutoRestart.TRUE
                || (policy == AutoRestart.UNEXPECTED && "0".equals(expected));
    }

    private AutoRestart policy(String group, String name) {
        try {
            SupervisorConfig c = config.get();
            if (c == null) {
                return null;
            }
            return c.group(group).flatMap(g -> g.processes().stream().filter(p -> p.name().equals(name)).findFirst())
                    .map(ProcessSpec::autorestart).orElse(null);
        } catch (RuntimeException e) {
            return null; // shutting down: count it, as the engine decides without us
        }
    }

    long starts(String group, String name) {
        Counts c = byName.get(key(group, name));
        return c == null ? 0 : c.starts.get();
    }

    long restarts(String group, String name) {
        Counts c = byName.get(key(group, name));
        return c == null ? 0 : c.restarts.get();
    }

    private static String key(String group, String name) {
        return group + '\u0000' + name;
    }
}
