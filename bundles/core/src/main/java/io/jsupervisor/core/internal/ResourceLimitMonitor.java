package io.jsupervisor.core.internal;

import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.ResourceMeter;
import io.jsupervisor.api.ResourceUsage;
import io.jsupervisor.api.SupervisorState;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Enforces {@code memory_limit} and {@code cpu_limit}. One sampler thread, started with the first program that has
 * a limit (programs without one cost nothing): every period it asks the engine thread for the limited processes
 * that run (pid, limits), reads {@code /proc} once for all of them, and posts an action back to the engine thread
 * when a process tree goes over a limit. A breach is reported once; it is reported again only after the value
 * has been under the limit (so {@code healthcheck_action = none} does not repeat the line every second).
 */
final class ResourceLimitMonitor implements AutoCloseable {
    static final long PERIOD_MILLIS = 1000;

    private final Engine engine;
    private final ResourceMeter meter;
    private final long periodMillis;
    /** Engine thread only: the processes with limits (stale ones are dropped in {@link #collect}). */
    private final List<ProcessRuntime> limited = new ArrayList<>();
    private volatile ScheduledThreadPoolExecutor sampler; // the engine thread creates it
    private volatile boolean closed;
    /** /proc passes made (tests wait for some to have happened). */
    private volatile long passes;
    /** Sampler thread only: what was seen of each running process, by pid. */
    private final Map<Long, Watch> watches = new HashMap<>();

    /** A limited process that runs, as the engine saw it at collection time. */
    record Target(ProcessRuntime process, long pid, String name, ResourceLimits limits) {
    }

    /** What the sampler remembers of one pid: CPU samples of the window, breaches reported. */
    static final class Watch {
        final ArrayDeque<double[]> cpu = new ArrayDeque<>(); // {nanos, cpuSeconds}
        boolean memoryOver;
        boolean cpuOver;
    }

    ResourceLimitMonitor(Engine engine, ResourceMeter meter) {
        this(engine, meter, PERIOD_MILLIS);
    }

    ResourceLimitMonitor(Engine engine, ResourceMeter meter, long periodMillis) {
        this.engine = engine;
        this.meter = meter;
        this.periodMillis = periodMillis;
    }

    /** Engine thread: a group was added or its processes replaced; watch those that have a limit. */
    void added(GroupRuntime group) {
        for (ProcessRuntime p : group.processes.values()) {
            if (ResourceLimits.of(p.spec).any() && !limited.contains(p)) {
                limited.add(p);
            }
        }
        if (!limited.isEmpty() && sampler == null && !closed) {
            sampler = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "jsupervisor-limits");
                t.setDaemon(true);
                return t;
            });
            sampler.scheduleWithFixedDelay(() -> engine.post(this::collect), periodMillis, periodMillis,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Engine thread: the running limited processes, handed to the sampler thread. */
    private void collect() {
        limited.removeIf(p -> engine.groups.get(p.group.spec.name()) != p.group
                || p.group.processes.get(p.name()) != p);
        List<Target> targets = new ArrayList<>(limited.size());
        if (engine.mood() == SupervisorState.RUNNING) {
            for (ProcessRuntime p : limited) {
                if (p.pid != 0 && (p.state == ProcessState.STARTING || p.state == ProcessState.RUNNING)) {
                    targets.add(new Target(p, p.pid, p.name(), ResourceLimits.of(p.spec)));
                }
            }
        }
        ScheduledThreadPoolExecutor s = sampler;
        if (s != null && !closed) {
            try {
                s.execute(() -> sample(targets));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed meanwhile
            }
        }
    }

    /** Sampler thread: one /proc pass for all targets; breaches go to the engine thread. */
    void sample(List<Target> targets) {
        if (targets.isEmpty()) {
            watches.clear();
            return; // nothing runs: no /proc pass
        }
        ResourceMeter.Snapshot snapshot = meter.snapshot();
        passes++;
        long now = System.nanoTime();
        Map<Long, Watch> seen = new HashMap<>();
        for (Target t : targets) {
            Watch w = watches.getOrDefault(t.pid(), new Watch());
            seen.put(t.pid(), w);
            ResourceUsage u = snapshot.tree(t.pid());
            if (u.processes() == 0) {
                continue; // exited meanwhile
            }
            ResourceLimits l = t.limits();
            if (l.memoryBytes() > 0) {
                boolean over = u.residentBytes() > l.memoryBytes();
                if (over && !w.memoryOver) {
                    String what = "memory_limit " + l.memoryText() + " exceeded (resident "
                            + ResourceLimits.bytes(u.residentBytes()) + ")";
                    engine.post(() -> act(t, what));
                }
                w.memoryOver = over;
            }
            if (l.cpuPercent() > 0) {
                Double percent = cpuPercent(w, now, u.cpuSeconds(), l.windowSeconds());
                if (percent != null) {
                    boolean over = percent > l.cpuPercent();
                    if (over && !w.cpuOver) {
                        String what = String.format(Locale.ROOT, "cpu_limit %s%% exceeded (%.1f%% over %d s)",
                                number(l.cpuPercent()), percent, l.windowSeconds());
                        engine.post(() -> act(t, what));
                    }
                    w.cpuOver = over;
                }
            }
        }
        watches.clear();
        watches.putAll(seen);
    }

    /**
     * Adds a sample; the average over the window once a whole window has been seen (null before). The CPU time of
     * a tree can fall (a descendant left it with its time): then the window starts again.
     */
    static Double cpuPercent(Watch w, long nanos, double cpuSeconds, int windowSeconds) {
        double[] last = w.cpu.peekLast();
        if (last != null && cpuSeconds < last[1]) {
            w.cpu.clear();
        }
        w.cpu.addLast(new double[] {nanos, cpuSeconds});
        long window = windowSeconds * 1_000_000_000L;
        // keep the newest sample that is at least a window old as the start, drop older ones
        while (w.cpu.size() > 2) {
            double[] second = secondOldest(w.cpu);
            if (nanos - (long) second[0] >= window) {
                w.cpu.removeFirst();
            } else {
                break;
            }
        }
        double[] first = w.cpu.peekFirst();
        long span = nanos - (long) first[0];
        if (span < window * 95 / 100) {
            return null; // the tick of the sampler is not exact: 95% of the window counts as a window
        }
        return (cpuSeconds - first[1]) / (span / 1e9) * 100.0;
    }

    private static double[] secondOldest(ArrayDeque<double[]> q) {
        var it = q.iterator();
        it.next();
        return it.next();
    }

    /** Engine thread: the limit's action, if the process is still the one that was measured. */
    private void act(Target t, String what) {
        ProcessRuntime p = t.process();
        if (p.pid != t.pid() || (p.state != ProcessState.STARTING && p.state != ProcessState.RUNNING)
                || engine.mood() != SupervisorState.RUNNING) {
            return;
        }
        switch (t.limits().action()) {
            case NONE -> engine.log.warn(t.name() + ": " + what + "; action none");
            case STOP -> {
                engine.log.warn(t.name() + ": " + what + "; stopping");
                String err = p.stop();
                if (err != null) {
                    engine.log.warn(t.name() + ": could not stop: " + err);
                }
            }
            case RESTART -> {
                engine.log.warn(t.name() + ": " + what + "; restarting");
                p.restartWhenStopped = true; // as a health check's restart: the engine starts it once STOPPED
                String err = p.stop();
                if (err != null) {
                    p.restartWhenStopped = false;
                    engine.log.warn(t.name() + ": could not stop: " + err);
                }
            }
        }
    }

    long passes() {
        return passes;
    }

    /** Whether the sampler thread exists (only once a program has a limit). */
    boolean sampling() {
        return sampler != null;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    @Override
    public void close() {
        closed = true;
        ScheduledThreadPoolExecutor s = sampler;
        if (s != null) {
            s.shutdownNow();
        }
    }
}
