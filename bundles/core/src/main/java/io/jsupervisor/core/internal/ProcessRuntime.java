package io.jsupervisor.core.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.api.SupervisorState;
import io.jsupervisor.config.AutoRestart;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.Signals;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One supervised process and its state machine, as the reference's {@code Subprocess}. Touched only on
 * the engine thread.
 */
final class ProcessRuntime {
    private static final long SECOND = 1_000_000_000L;

    final Engine engine;
    final GroupRuntime group;
    final ProcessSpec spec;
    final LogFileSpec stdoutLog;
    final LogFileSpec stderrLog;
    /** Our opt-in restart options; the reference's behaviour when the section has none. */
    final RestartPolicy restart;

    ProcessState state = ProcessState.STOPPED;
    Process process;
    long pid;
    /** Wall-clock epoch seconds of the last spawn / exit, 0 if none. */
    double laststart;
    double laststop;
    long laststartNanos; // package-private: a test moves it back to reach the STARTING → RUNNING → EXITED edge
    private long delayNanos;
    /** restart_pause: when an EXITED program may be autorestarted ({@link System#nanoTime()}). */
    private long restartDueNanos = System.nanoTime();
    int backoff;
    Integer exitstatus;
    String spawnerr;
    boolean killing;
    private long laststopreport = Long.MIN_VALUE;
    private OutputStream stdin;
    /** The health check's state, {@code null} without a {@code healthcheck}. */
    final ProcessHealth health;
    /**
     * Stopped by its health check or a resource limit with the action restart: started again once STOPPED (by
     * {@link #transition}, so dependencies and the spawn pause apply); a user's stop meanwhile drops it.
     */
    boolean restartWhenStopped;
    /** Not healthy in time while STARTING with healthcheck_ready: stopped, and the exit is a failed start. */
    private String healthStartFailure;
    private long healthKillAtNanos;
    private boolean healthKilled;

    ProcessRuntime(Engine engine, GroupRuntime group, ProcessSpec spec, LogFileSpec stdoutLog,
                   LogFileSpec stderrLog) {
        this.engine = engine;
        this.group = group;
        this.spec = spec;
        this.stdoutLog = stdoutLog;
        this.stderrLog = stderrLog;
        this.restart = RestartPolicy.of(spec);
        HealthSettings hs = HealthSettings.of(spec);
        this.health = hs == null ? null : new ProcessHealth(hs);
    }

    String name() {
        return spec.name();
    }

    String namespec() {
        return group.spec.name().equals(spec.name()) ? spec.name() : group.spec.name() + ":" + spec.name();
    }

    /** STOPPED/EXITED/FATAL/BACKOFF -> STARTING, then the child runs (or BACKOFF on a spawn error). */
    void spawn() {
        if (pid != 0) {
            engine.log.warn("process '" + name() + "' already running");
            return;
        }
        killing = false;
        spawnerr = null;
        exitstatus = null;
        restartWhenStopped = false;
        healthStartFailure = null;
        healthKilled = false;
        laststart = engine.wallSeconds();
        laststartNanos = System.nanoTime();
        changeState(ProcessState.STARTING, true);
        CommandResolver.Resolved cmd;
        try {
            cmd = engine.resolve(this);
        } catch (SpawnError e) {
            recordSpawnerr(e.getMessage());
            changeState(ProcessState.BACKOFF, true);
            return;
        }
        Process p;
        Map<String, String> env = engine.childEnvironment(this);
        try {
            p = engine.spawner.spawn(spec, cmd, env);
        } catch (IOException | RuntimeException e) {
            recordSpawnerr(SpawnFailures.describe(name(), e));
            changeState(ProcessState.BACKOFF, true);
            return;
        } catch (OutOfMemoryError e) {
            // the JDK could not start a thread it needs (its reaper): at the process limit, as a failed fork;
            // the child it forked before is ours to end, else it runs on unseen and a retry starts it twice
            if (!SpawnFailures.isThreadLimit(e)) {
                throw e;
            }
            for (long stray : engine.spawner.killStrays(env, supervisedPids())) {
                engine.log.warn("killed '" + name() + "' with pid " + stray
                        + ": started without a thread to wait for it (process limit reached)");
            }
            recordSpawnerr(SpawnFailures.describe(name(), e));
            changeState(ProcessState.BACKOFF, true);
            return;
        }
        List<CompletableFuture<Void>> pumps = new ArrayList<>();
        try {
            pumps.add(new OutputPump(p.getInputStream(), engine.pumpTargets(), group.spec.name(), name(), p.pid(),
                    LogChannel.STDOUT, stdoutLog, spec.stdout()).start());
            if (!spec.redirectStderr()) {
                pumps.add(new OutputPump(p.getErrorStream(), engine.pumpTargets(), group.spec.name(), name(),
                        p.pid(), LogChannel.STDERR, stderrLog, spec.stderr()).start());
            }
        } catch (OutOfMemoryError e) {
            if (!SpawnFailures.isThreadLimit(e)) {
                throw e;
            }
            // no thread to read its output: a child whose pipes nobody drains would hang, so it goes, unlogged
            // as spawned, and the start counts as a failed fork (BACKOFF, retried like any spawn error)
            p.destroyForcibly();
            recordSpawnerr(SpawnFailures.describe(name(), e));
            changeState(ProcessState.BACKOFF, true);
            return;
        }
        process = p;
        pid = p.pid();
        stdin = p.getOutputStream();
        engine.log.info("spawned: '" + name() + "' with pid " + pid);
        // the exit is handled once the pipes are drained (bounded: a grandchild may hold them open)
        CompletableFuture<Void> drained = CompletableFuture.allOf(pumps.toArray(new CompletableFuture<?>[0]));
        p.onExit().thenCompose(x -> drained.completeOnTimeout(null, 500, TimeUnit.MILLISECONDS))
                .whenComplete((x, err) -> engine.post(() -> finish(p)));
        engine.wakeUpAfter(spec.startsecs() * SECOND + 1_000_000L);
    }

    /** The pids of every process the engine supervises now. */
    private java.util.Set<Long> supervisedPids() {
        java.util.Set<Long> pids = new java.util.HashSet<>();
        for (GroupRuntime g : engine.groups.values()) {
            for (ProcessRuntime p : g.processes.values()) {
                if (p.pid != 0) {
                    pids.add(p.pid);
                }
            }
        }
        return pids;
    }

    private void recordSpawnerr(String message) {
        spawnerr = message;
        engine.log.info("spawnerr: " + message);
    }

    /** The child was reaped: decide STOPPED / BACKOFF / EXITED as the reference's finish(). */
    void finish(Process p) {
        if (p != process) {
            return;
        }
        int raw = p.exitValue();
        int es;
        String msg;
        // Java reports a death by signal N as 128+N
        if (raw > 128 && Signals.isValid(raw - 128)) {
            es = -1;
            msg = "terminated by " + sigName(raw - 128);
        } else {
            es = raw;
            msg = "exit status " + raw;
        }
        laststop = engine.wallSeconds();
        boolean tooQuickly = System.nanoTime() - laststartNanos < spec.startsecs() * SECOND;
        boolean expected = spec.exitcodes().contains(es);
        if (killing) {
            killing = false;
            delayNanos = 0;
            exitstatus = es;
            changeState(ProcessState.STOPPED, true);
            String line = "stopped: " + name() + " (" + msg + ")";
            if (expected) {
                engine.log.info(line);
            } else {
                engine.log.warn(line);
            }
        } else if ((tooQuickly || HealthMonitor.holdsStart(this)) && state == ProcessState.STARTING) {
            exitstatus = null;
            spawnerr = healthStartFailure != null ? healthStartFailure
                    : tooQuickly ? "Exited too quickly (process log may have details)"
                    : "Exited before its health check passed";
            changeState(ProcessState.BACKOFF, true);
            engine.log.warn("exited: " + name() + " (" + msg + "; not expected)");
        } else {
            delayNanos = 0;
            backoff = 0;
            exitstatus = es;
            if (state == ProcessState.STARTING) {
                changeState(ProcessState.RUNNING, true);
            }
            if (expected) {
                changeState(ProcessState.EXITED, true);
                engine.log.info("exited: " + name() + " (" + msg + "; expected)");
            } else {
                spawnerr = "Bad exit code " + es;
                changeState(ProcessState.EXITED, false);
                engine.log.warn("exited: " + name() + " (" + msg + "; not expected)");
            }
            pauseRestart();
        }
        pid = 0;
        process = null;
        closeStdin();
    }

    /** restart_pause: an EXITED program that autorestart would spawn at once waits first (EXITED meanwhile). */
    private void pauseRestart() {
        long pause = restart.restartPauseNanos();
        restartDueNanos = System.nanoTime() + pause;
        if (pause > 0 && autorestarts()) {
            engine.log.info("waiting " + pause / SECOND + " seconds before restarting " + name() + " (restart_pause)");
            engine.wakeUpAfter(pause + 1_000_000L);
        }
    }

    /** EXITED and waiting out restart_pause before autorestart spawns it. */
    boolean restartPaused() {
        return state == ProcessState.EXITED && restart.restartPauseNanos() > 0 && autorestarts()
                && System.nanoTime() - restartDueNanos < 0;
    }

    /**
     * A stop request while a health check or limit restart is stopping the process: it stays stopped.
     *
     * @return false when no such restart was pending
     */
    boolean cancelRestartWhenStopped() {
        if (!restartWhenStopped) {
            return false;
        }
        restartWhenStopped = false;
        engine.log.info("not restarting " + name() + ": stopped by request");
        return true;
    }

    /**
     * A stop request during restart_pause: the pending restart is dropped and the process is STOPPED (with the
     * option unset a stop of an EXITED process is NOT_RUNNING, as in the reference).
     *
     * @return false when no restart was pending
     */
    boolean cancelPausedRestart() {
        if (!restartPaused()) {
            return false;
        }
        changeState(ProcessState.STOPPED, true);
        engine.log.info("stopped: " + name() + " (restart_pause cancelled)");
        return true;
    }

    private boolean autorestarts() {
        return spec.autorestart() == AutoRestart.TRUE
                || (spec.autorestart() == AutoRestart.UNEXPECTED && !spec.exitcodes().contains(exitstatus));
    }

    /** The reference's transition(): time- and mood-driven moves. */
    void transition() {
        ProcessState s = state;
        long now = System.nanoTime();
        if (engine.mood() == SupervisorState.RUNNING && engine.autoSpawnAllowed() && engine.dependencies.ready(this)) {
            if (s == ProcessState.STOPPED && restartWhenStopped) {
                restartWhenStopped = false;
                spawn();
            } else if (s == ProcessState.EXITED) {
                if (autorestarts() && now - restartDueNanos >= 0) {
                    spawn();
                }
            } else if (s == ProcessState.STOPPED && laststart == 0) {
                if (spec.autostart()) {
                    spawn();
                }
            } else if (s == ProcessState.BACKOFF) {
                if ((backoff <= spec.startretries() || restart.retryForever()) && now - delayNanos > 0) {
                    spawn();
                }
            }
        }
        if (s == ProcessState.STARTING && state == ProcessState.STARTING) {
            if (healthStartFailure != null && !healthKilled && now - healthKillAtNanos > 0) {
                engine.log.warn("killing '" + name() + "' (" + pid + ") with SIGKILL");
                healthKilled = true;
                engine.spawner.signal(process, 9, spec.killasgroup());
            } else if (now - laststartNanos > spec.startsecs() * SECOND && healthStartFailure == null
                    && HealthMonitor.allowsRunning(this)) {
                delayNanos = 0;
                backoff = 0;
                changeState(ProcessState.RUNNING, true);
                engine.log.info("success: " + name() + " entered RUNNING state, process has stayed up for > than "
                        + spec.startsecs() + " seconds (startsecs)");
            }
        }
        if (s == ProcessState.BACKOFF) {
            if (backoff > spec.startretries() && !restart.retryForever()) {
                giveUp();
                engine.log.info("gave up: " + name() + " entered FATAL state, too many start retries too quickly");
            }
        } else if (s == ProcessState.STOPPING && state == ProcessState.STOPPING) {
            if (delayNanos - now <= 0) {
                engine.log.warn("killing '" + name() + "' (" + pid + ") with SIGKILL");
                kill(9);
            }
        }
    }

    /**
     * Whether processes that {@code depends_on} this one may start: RUNNING, and HEALTHY when it has a health
     * check ({@link Dependencies} wakes the engine when this turns true).
     */
    boolean readyForDependents() {
        return state == ProcessState.RUNNING && (health == null || health.state == HealthState.HEALTHY);
    }

    /**
     * healthcheck_ready and not healthy in time: the stop signal now, SIGKILL after stopwaitsecs; the process
     * stays STARTING and its exit counts as a failed start (BACKOFF).
     */
    void failStart(String reason) {
        if (pid == 0 || healthStartFailure != null) {
            return;
        }
        healthStartFailure = reason;
        engine.health.stopChecking(health); // a pass while it shuts down must not make it RUNNING
        healthKillAtNanos = System.nanoTime() + spec.stopwaitsecs() * SECOND;
        engine.wakeUpAfter(spec.stopwaitsecs() * SECOND + 1_000_000L);
        engine.log.debug("killing " + name() + " (pid " + pid + ") with signal " + sigName(spec.stopsignal()));
        engine.spawner.signal(process, spec.stopsignal(), spec.stopasgroup());
    }

    void giveUp() {
        delayNanos = 0;
        backoff = 0;
        changeState(ProcessState.FATAL, true);
    }

    /** A stop request: the stop signal now, SIGKILL after stopwaitsecs. */
    String stop() {
        laststopreport = Long.MIN_VALUE;
        return kill(spec.stopsignal());
    }

    void stopReport() {
        if (state == ProcessState.STOPPING) {
            long now = System.nanoTime();
            if (laststopreport == Long.MIN_VALUE || now - laststopreport > 2 * SECOND) {
                engine.log.info("waiting for " + name() + " to stop");
                laststopreport = now;
            }
        }
    }

    /** @return {@code null}, or why it failed */
    String kill(int sig) {
        if (state == ProcessState.BACKOFF) {
            engine.log.debug("Attempted to kill " + name() + ", which is in BACKOFF state.");
            changeState(ProcessState.STOPPED, true);
            return null;
        }
        if (pid == 0) {
            String m = "attempted to kill " + name() + " with sig " + sigName(sig) + " but it wasn't running";
            engine.log.debug(m);
            return m;
        }
        boolean asGroup = state == ProcessState.STOPPING ? spec.killasgroup() : spec.stopasgroup();
        engine.log.debug("killing " + name() + " (pid " + pid + ") " + (asGroup ? "process group " : "")
                + "with signal " + sigName(sig));
        killing = true;
        long wait = spec.stopwaitsecs() * SECOND;
        delayNanos = System.nanoTime() + wait;
        changeState(ProcessState.STOPPING, true);
        engine.wakeUpAfter(wait + 1_000_000L);
        String err = engine.spawner.signal(process, sig, asGroup);
        if (err != null) {
            String m = "unknown problem killing " + name() + " (" + pid + "):" + err;
            engine.log.critical(m);
            changeState(ProcessState.UNKNOWN, true);
            killing = false;
            delayNanos = 0;
            return m;
        }
        return null;
    }

    /** @return {@code null}, or why it failed */
    String signal(int sig) {
        if (pid == 0) {
            String m = "attempted to send " + name() + " sig " + sigName(sig) + " but it wasn't running";
            engine.log.debug(m);
            return m;
        }
        engine.log.debug("sending " + name() + " (pid " + pid + ") sig " + sigName(sig));
        String err = engine.spawner.signal(process, sig, false);
        if (err != null) {
            String m = "unknown problem sending sig " + name() + " (" + pid + "):" + err;
            engine.log.critical(m);
            changeState(ProcessState.UNKNOWN, true);
            return m;
        }
        return null;
    }

    /** Writes to the child's stdin from the caller's thread (a full pipe must not block the engine). */
    OutputStream stdin() {
        return stdin;
    }

    private void closeStdin() {
        OutputStream s = stdin;
        stdin = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // already broken
            }
        }
    }

    /** The reference's signame(): {@code SIGTERM}, or {@code signal N} for a number without a name. */
    static String sigName(int sig) {
        String n = Signals.name(sig);
        return n.startsWith("signal ") ? n : "SIG" + n;
    }

    void changeState(ProcessState newState, boolean expected) {
        ProcessState old = state;
        if (old == newState) {
            return;
        }
        state = newState;
        if (newState == ProcessState.BACKOFF) {
            backoff++;
            long wait = restart.backoffNanos(backoff);
            delayNanos = System.nanoTime() + wait;
            engine.wakeUpAfter(wait + 1_000_000L);
        }
        Map<String, String> h = new LinkedHashMap<>();
        h.put("processname", name());
        h.put("groupname", group.spec.name());
        h.put("from_state", old.name());
        switch (newState) {
            case STARTING, BACKOFF -> h.put("tries", Integer.toString(backoff));
            case EXITED -> {
                h.put("expected", expected ? "1" : "0");
                h.put("pid", Long.toString(pid));
            }
            case STOPPED, STOPPING, RUNNING -> h.put("pid", Long.toString(pid));
            default -> {
            }
        }
        engine.events.emit(new SupervisorEvent(EventType.ofState(newState), h, null));
        engine.health.stateChanged(this, old, newState);
    }
}
