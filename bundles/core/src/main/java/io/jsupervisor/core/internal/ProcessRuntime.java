package io.jsupervisor.core.internal;

import io.jsupervisor.api.EventType;
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

    ProcessState state = ProcessState.STOPPED;
    Process process;
    long pid;
    /** Wall-clock epoch seconds of the last spawn / exit, 0 if none. */
    double laststart;
    double laststop;
    long laststartNanos; // package-private: a test moves it back to reach the STARTING → RUNNING → EXITED edge
    private long delayNanos;
    int backoff;
    Integer exitstatus;
    String spawnerr;
    boolean killing;
    private long laststopreport = Long.MIN_VALUE;
    private OutputStream stdin;

    ProcessRuntime(Engine engine, GroupRuntime group, ProcessSpec spec, LogFileSpec stdoutLog,
                   LogFileSpec stderrLog) {
        this.engine = engine;
        this.group = group;
        this.spec = spec;
        this.stdoutLog = stdoutLog;
        this.stderrLog = stderrLog;
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
        laststart = engine.wallSeconds();
        laststartNanos = System.nanoTime();
        changeState(ProcessState.STARTING, true);
        CommandResolver.Resolved cmd;
        try {
            cmd = engine.resolve(spec);
        } catch (SpawnError e) {
            recordSpawnerr(e.getMessage());
            changeState(ProcessState.BACKOFF, true);
            return;
        }
        Process p;
        Map<String, String> env = engine.childEnvironment(spec);
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
        } else if (tooQuickly && state == ProcessState.STARTING) {
            exitstatus = null;
            spawnerr = "Exited too quickly (process log may have details)";
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
        }
        pid = 0;
        process = null;
        closeStdin();
    }

    /** The reference's transition(): time- and mood-driven moves. */
    void transition() {
        ProcessState s = state;
        long now = System.nanoTime();
        if (engine.mood() == SupervisorState.RUNNING && engine.autoSpawnAllowed()) {
            if (s == ProcessState.EXITED) {
                if (spec.autorestart() == AutoRestart.TRUE
                        || (spec.autorestart() == AutoRestart.UNEXPECTED && !spec.exitcodes().contains(exitstatus))) {
                    spawn();
                }
            } else if (s == ProcessState.STOPPED && laststart == 0) {
                if (spec.autostart()) {
                    spawn();
                }
            } else if (s == ProcessState.BACKOFF) {
                if (backoff <= spec.startretries() && now - delayNanos > 0) {
                    spawn();
                }
            }
        }
        if (s == ProcessState.STARTING && state == ProcessState.STARTING) {
            if (now - laststartNanos > spec.startsecs() * SECOND) {
                delayNanos = 0;
                backoff = 0;
                changeState(ProcessState.RUNNING, true);
                engine.log.info("success: " + name() + " entered RUNNING state, process has stayed up for > than "
                        + spec.startsecs() + " seconds (startsecs)");
            }
        }
        if (s == ProcessState.BACKOFF) {
            if (backoff > spec.startretries()) {
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
            delayNanos = System.nanoTime() + backoff * SECOND;
            engine.wakeUpAfter(backoff * SECOND + 1_000_000L);
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
    }
}
