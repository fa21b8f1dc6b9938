package io.jsupervisor.core.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.ProcessState;
import java.io.File;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the {@code healthcheck} of every process that has one. The state lives in each process's
 * {@link ProcessHealth} and is touched on the engine thread only; the checks themselves run on a small bounded
 * pool of probe threads (made at the first check, idle threads end after a minute), and each result is posted
 * back to the engine thread. One check per process at a time: the next is scheduled when a result arrives.
 * Programs without a check cost nothing here.
 *
 * <p>Rules: checking starts when the process enters RUNNING (with {@code healthcheck_ready}: when it is
 * spawned) and ends when it leaves RUNNING. A pass makes it HEALTHY; {@code retries} failures in a row make it
 * UNHEALTHY, except failures within {@code start_period} of the spawn before any pass. While a process waits for
 * its first pass (in its start period, or STARTING with ready), checks repeat every min(interval, 1 s).
 * UNHEALTHY while RUNNING applies the action (restart, stop, none); while still STARTING (ready) the start has
 * failed: the process is stopped and goes to BACKOFF, as if it had exited too quickly.
 */
final class HealthMonitor implements AutoCloseable {
    /** Probe threads at most: a check blocks its thread for up to its timeout. */
    static final int THREADS = 4;
    /** The cadence while a process waits for its first pass. */
    static final long FIRST_PASS_CADENCE_MS = 1000;

    private final Engine engine;
    private final long ownUid = Spawner.ownUid();
    private volatile ScheduledThreadPoolExecutor probes;
    private volatile boolean closed;

    HealthMonitor(Engine engine) {
        this.engine = engine;
    }

    // ---- hooks from ProcessRuntime (engine thread) ----------------------------------------------------

    void stateChanged(ProcessRuntime p, ProcessState old, ProcessState now) {
        ProcessHealth h = p.health;
        if (h == null) {
            return;
        }
        if ((now == ProcessState.STARTING && h.settings.ready()) || (now == ProcessState.RUNNING && !h.checking)) {
            begin(p, h);
        } else if (now != ProcessState.STARTING && now != ProcessState.RUNNING) {
            end(h);
        }
    }

    /** False while a {@code healthcheck_ready} process has not passed a check: it stays STARTING. */
    static boolean allowsRunning(ProcessRuntime p) {
        ProcessHealth h = p.health;
        return h == null || !h.settings.ready() || h.state == HealthState.HEALTHY;
    }

    /** True when an exit now, while STARTING, means the start failed: ready was asked and nothing passed. */
    static boolean holdsStart(ProcessRuntime p) {
        return !allowsRunning(p);
    }

    // ---- checking -------------------------------------------------------------------------------------

    private void begin(ProcessRuntime p, ProcessHealth h) {
        h.generation++;
        h.checking = true;
        h.state = HealthState.STARTING;
        h.failures = 0;
        h.passedSinceSpawn = false;
        h.probe = probeFor(p, h.settings);
        schedule(p, h, Math.min(h.settings.intervalMs(), FIRST_PASS_CADENCE_MS));
    }

    /** The start failed ({@link ProcessRuntime#failStart}): no more checks until the next spawn. */
    void stopChecking(ProcessHealth h) {
        if (h != null && h.checking) {
            h.generation++;
            h.checking = false;
        }
    }

    private static void end(ProcessHealth h) {
        if (h.checking) {
            h.generation++;
            h.checking = false;
        }
        h.state = HealthState.STARTING;
    }

    private void schedule(ProcessRuntime p, ProcessHealth h, long delayMs) {
        long generation = h.generation;
        HealthProbe probe = h.probe;
        try {
            executor().schedule(() -> {
                if (h.generation != generation) {
                    return; // stopped or restarted while queued: no child forked, no thread held for nothing
                }
                HealthProbe.Result r;
                try {
                    r = probe.run();
                } catch (RuntimeException | Error e) { // an Error too (no thread for a child): a failed check
                    r = new HealthProbe.Result(false, String.valueOf(e).replace('\n', ' '));
                }
                HealthProbe.Result result = r;
                engine.post(() -> result(p, generation, result));
            }, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed: the engine is going away
        } catch (OutOfMemoryError e) {
            // no probe thread could be made (process limit); the check is queued: make its thread later
            engine.postAfter(this::startProbeThread, FIRST_PASS_CADENCE_MS * 1_000_000L);
        }
    }

    private void startProbeThread() {
        ScheduledThreadPoolExecutor ex = probes;
        try {
            if (ex != null && !closed) {
                ex.prestartCoreThread();
            }
        } catch (OutOfMemoryError e) {
            engine.postAfter(this::startProbeThread, FIRST_PASS_CADENCE_MS * 1_000_000L);
        }
    }

    private void result(ProcessRuntime p, long generation, HealthProbe.Result r) {
        ProcessHealth h = p.health;
        if (h.generation != generation || !h.checking) {
            return; // the process stopped or was restarted meanwhile
        }
        h.lastCheckMillis = System.currentTimeMillis();
        h.lastResult = r.text();
        if (r.passed()) {
            h.failures = 0;
            h.passedSinceSpawn = true;
            if (h.state != HealthState.HEALTHY) {
                HealthState from = h.state;
                h.state = HealthState.HEALTHY;
                engine.log.info("healthy: " + p.name() + " (" + r.text() + ")");
                emit(EventType.PROCESS_HEALTH_HEALTHY, p, from, r.text(), false);
            }
        } else if (!inStartPeriod(p, h)) {
            h.failures++;
            if (h.failures >= h.settings.retries() && h.state != HealthState.UNHEALTHY) {
                unhealthy(p, h, r);
            }
        }
        if (h.generation == generation && h.checking) {
            boolean waiting = !h.passedSinceSpawn
                    && (inStartPeriod(p, h) || (h.settings.ready() && p.state == ProcessState.STARTING));
            schedule(p, h, waiting ? Math.min(h.settings.intervalMs(), FIRST_PASS_CADENCE_MS)
                    : h.settings.intervalMs());
        }
    }

    private static boolean inStartPeriod(ProcessRuntime p, ProcessHealth h) {
        return !h.passedSinceSpawn && System.nanoTime() - p.laststartNanos < h.settings.startPeriodMs() * 1_000_000L;
    }

    private void unhealthy(ProcessRuntime p, ProcessHealth h, HealthProbe.Result r) {
        HealthState from = h.state;
        h.state = HealthState.UNHEALTHY;
        String why = p.name() + " (" + r.text() + "; " + h.failures + " failed checks in a row)";
        String action = h.settings.action();
        if (p.state == ProcessState.STARTING) {
            engine.log.warn("unhealthy: " + why + ", start failed");
        } else {
            engine.log.warn("unhealthy: " + why + switch (action) {
                case "stop" -> ", stopping";
                case "none" -> "";
                default -> ", restarting";
            });
        }
        emit(EventType.PROCESS_HEALTH_UNHEALTHY, p, from, r.text(), true);
        if (p.state == ProcessState.STARTING) {
            p.failStart("Not healthy: " + r.text());
        } else if (p.state == ProcessState.RUNNING && !action.equals("none")) {
            p.restartWhenStopped = action.equals("restart");
            if (p.stop() != null) {
                p.restartWhenStopped = false;
            }
        }
    }

    /**
     * {@code processname:web groupname:web from_state:STARTING pid:4242} ({@code failures:3} added for
     * UNHEALTHY), then a newline and the check's result text.
     */
    private void emit(EventType type, ProcessRuntime p, HealthState from, String result, boolean withFailures) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("processname", p.name());
        headers.put("groupname", p.group.spec.name());
        headers.put("from_state", from.name());
        headers.put("pid", Long.toString(p.pid));
        if (withFailures) {
            headers.put("failures", Integer.toString(p.health.failures));
        }
        engine.emit(type, headers, result);
    }

    // ---- probes ---------------------------------------------------------------------------------------

    private HealthProbe probeFor(ProcessRuntime p, HealthSettings s) {
        String check = s.check();
        if (check.toLowerCase(Locale.ROOT).startsWith("exec:")) {
            return execProbe(p, check.substring(5).strip(), s.timeoutMs());
        }
        URI uri;
        try {
            uri = new URI(check);
        } catch (URISyntaxException e) {
            return () -> new HealthProbe.Result(false, "not a valid check: " + check);
        }
        return uri.getScheme().equalsIgnoreCase("tcp") ? SocketProbes.tcp(uri, s.timeoutMs())
                : SocketProbes.http(uri, s.timeoutMs());
    }

    /** As the program runs: its environment, its directory, its user (root only, through setpriv). */
    private HealthProbe execProbe(ProcessRuntime p, String command, long timeoutMs) {
        List<String> argv = new ArrayList<>();
        Integer uid = p.spec.uid();
        if (uid != null && uid != ownUid && ownUid == 0 && Files.isExecutable(Path.of(Spawner.SETPRIV))) {
            argv.addAll(List.of(Spawner.SETPRIV, "--reuid=" + uid, "--regid=" + Spawner.primaryGid(uid),
                    "--init-groups"));
        }
        argv.addAll(List.of(Spawner.SH, "-c", command));
        File dir = p.spec.directory() == null || !Files.isDirectory(Path.of(p.spec.directory())) ? null
                : new File(p.spec.directory());
        return new ExecProbe(argv, engine.childEnvironment(p), dir, timeoutMs);
    }

    private ScheduledThreadPoolExecutor executor() {
        ScheduledThreadPoolExecutor e = probes;
        if (e == null) {
            synchronized (this) {
                if (closed) {
                    throw new RejectedExecutionException("closed");
                }
                e = probes;
                if (e == null) {
                    AtomicInteger n = new AtomicInteger();
                    e = new ScheduledThreadPoolExecutor(THREADS, r -> {
                        Thread t = new Thread(null, r, "jsupervisor-health-" + n.incrementAndGet(), 256 * 1024);
                        t.setDaemon(true);
                        return t;
                    });
                    e.setKeepAliveTime(60, TimeUnit.SECONDS);
                    e.allowCoreThreadTimeOut(true);
                    e.setRemoveOnCancelPolicy(true);
                    probes = e;
                }
            }
        }
        return e;
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (probes != null) {
            probes.shutdownNow();
        }
    }
}
