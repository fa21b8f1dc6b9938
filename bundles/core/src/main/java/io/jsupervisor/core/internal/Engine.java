package io.jsupervisor.core.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.api.SupervisorState;
import io.jsupervisor.config.ConfigException;
import io.jsupervisor.config.ConfigMessage;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.UnixHttpServerSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The process engine. One thread (a single-thread scheduled executor) owns every group, process and
 * the daemon's mood; everything else posts tasks to it. After each task the engine runs one "pass" of
 * the reference's main loop: ordered shutdown step, every group's {@code transition()}, waiting RPC
 * replies, TICK events. Timers only schedule extra passes, so time-based moves happen on time.
 *
 * <p>Cost per child (for docs/ARCHITECTURE.md): three threads while it runs - two pipe readers (one
 * with redirect_stderr), each with a 256 KiB stack reservation and an 8 KiB read buffer, plus the JDK's
 * process-reaper thread blocked in waitpid for that child; three pipe fds in the daemon (stdin, stdout,
 * stderr; two with redirect_stderr). A spawn execs setpriv then setsid in place (plus sh for umask or a
 * failed chdir/setuid), about 5-10 ms of engine time. TERM/KILL to a pid use the JDK's own kill();
 * other signals and group signals run /usr/bin/kill (about 2 ms). Buffered output is bounded by one
 * shared 64 MiB limit (not per child); the main log by 8 MiB; events by 16 MiB.
 */
public final class Engine implements AutoCloseable {
    /** Re-reads the configuration file (restart, reloadConfig). */
    public interface ConfigSource {
        SupervisorConfig load() throws ConfigException;
    }

    /** A deferred reply: polled after every pass until it says it is done. */
    interface Waiter {
        boolean poll();

        /** The daemon ended before the reply was ready. */
        void abandon();
    }

    /** How long one pass may spend in transitions (spawns) before queued calls get their turn. */
    static final long PASS_BUDGET_NANOS = 50_000_000L;
    /** How long automatic spawns wait after a pass used its budget. */
    static final long SPAWN_PAUSE_NANOS = 20_000_000L;

    static final String ROOT_WARNING = "Supervisor is running as root.  Privileges were not dropped because no "
            + "user is specified in the config file.  If you intend to run as root, you can set user=root in the "
            + "config file to avoid this message.";

    final MainLog log = new MainLog();
    final OutputHub output = new OutputHub(log);
    final EventBus events = new EventBus(log);
    final Spawner spawner = new Spawner();
    final Dependencies dependencies = new Dependencies(this);
    final HealthMonitor health = new HealthMonitor(this);
    /** memory_limit / cpu_limit: idle (no thread) until a program has a limit. */
    final ResourceLimitMonitor limits = new ResourceLimitMonitor(this, new ProcMeter());
    private final AutoLogs autoLogs = new AutoLogs();
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;
    private final Map<String, String> daemonEnv;
    private final long daemonPid;
    private final ConfigSource configSource;
    private final boolean writePidfile;
    private final Runnable onShutdownComplete;
    private final CountDownLatch finished = new CountDownLatch(1);

    SupervisorConfig active;
    SupervisorConfig lastParsed;
    final TreeMap<String, GroupRuntime> groups = new TreeMap<>();
    private volatile SupervisorState mood = SupervisorState.RUNNING;
    private boolean stopping;
    private List<GroupRuntime> stopGroups = new ArrayList<>();
    private long lastShutdownReport = Long.MIN_VALUE;
    private final List<Waiter> waiters = new ArrayList<>();
    private final long[] tickSlices = new long[3];
    private static final int[] TICK_PERIODS = {5, 60, 3600};
    private OutputPump.Targets targets;
    private boolean done;
    /** NOFILE soft limit the daemon was started with (before HotSpot raised it); null: the current one. */
    private volatile Long originalNofileSoft;
    private boolean rlimitsApplied;
    private long spawnPausedUntil = System.nanoTime();
    /** remember_stopped: who was stopped by hand when the running restart began; null otherwise. */
    private RememberedStops rememberedStops;

    /**
     * @param daemonEnv          the daemon's own environment (base of every child's)
     * @param daemonPid          reported by getPID and the start line
     * @param configSource       re-reads the configuration
     * @param writePidfile       write and remove {@code [supervisord] pidfile}
     * @param onShutdownComplete run (on the engine thread) when an ordered shutdown has finished
     */
    public Engine(Map<String, String> daemonEnv, long daemonPid, ConfigSource configSource, boolean writePidfile,
                  Runnable onShutdownComplete) {
        this.daemonEnv = Map.copyOf(daemonEnv);
        this.daemonPid = daemonPid;
        this.configSource = configSource;
        this.writePidfile = writePidfile;
        this.onShutdownComplete = onShutdownComplete;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "jsupervisor-engine");
            t.setDaemon(true);
            thread = t;
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
    }

    /** False for a moment after a pass spent its budget spawning (autostart, autorestart, BACKOFF retries). */
    boolean autoSpawnAllowed() {
        return System.nanoTime() - spawnPausedUntil >= 0;
    }

    /** The NOFILE soft limit the user started the daemon with; call before {@link #start}. */
    public void setOriginalNofileSoft(long soft) {
        originalNofileSoft = soft;
    }

    /** Starts the daemon on {@code config}: logs, groups, pidfile, RUNNING, autostart. */
    public void start(SupervisorConfig config) {
        post(() -> startup(config));
        executor.scheduleAtFixedRate(() -> runTask(null), 1, 1, TimeUnit.SECONDS);
    }

    // ---- threading -------------------------------------------------------------------------------

    /** @return false when the engine has been closed (nothing is supervised any more) */
    boolean post(Runnable task) {
        try {
            executor.execute(() -> runTask(task));
            return true;
        } catch (java.util.concurrent.RejectedExecutionException e) {
            return false;
        }
    }

    void wakeUpAfter(long nanos) {
        postAfter(null, nanos);
    }

    /** Runs {@code task} (may be null) and a pass on the engine thread after {@code nanos}. */
    void postAfter(Runnable task, long nanos) {
        try {
            executor.schedule(() -> runTask(task), nanos, TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed
        }
    }

    boolean onEngineThread() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code task} on the engine thread and returns its result; SupervisorExceptions pass through. */
    <T> T call(Callable<T> task) {
        if (onEngineThread()) {
            try {
                return task.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        FutureTask<T> f = new FutureTask<>(task);
        if (!post(f)) {
            throw new SupervisorException(io.jsupervisor.api.Fault.SHUTDOWN_STATE);
        }
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("engine did not answer", e);
        }
    }

    private void runTask(Runnable task) {
        try {
            if (task != null) {
                task.run();
            }
        } catch (RuntimeException | Error e) {
            log.critical("engine task failed: " + e);
        }
        try {
            if (!done) {
                pass();
            }
        } catch (RuntimeException | Error e) { // an Error must not end the periodic pass
            log.critical("engine pass failed: " + e);
        }
    }

    void addWaiter(Waiter w) {
        waiters.add(w);
    }

    // ---- the loop ---------------------------------------------------------------------------------

    private void pass() {
        if (active == null || done) {
            return;
        }
        if (mood != SupervisorState.RUNNING) {
            if (!stopping) {
                stopping = true;
                if (mood == SupervisorState.RESTARTING) {
                    rememberedStops = RememberedStops.capture(groups.values(), wallSeconds());
                }
                stopGroups = sortedGroups();
                emit(EventType.SUPERVISOR_STATE_CHANGE_STOPPING, new LinkedHashMap<>(), null);
            }
            if (!stopGroups.isEmpty()) {
                dependencies.stopForShutdown(stopGroups.get(stopGroups.size() - 1));
            }
            if (!shutdownReport()) {
                pollWaiters();
                stopped();
                return;
            }
        }
        long deadline = System.nanoTime() + PASS_BUDGET_NANOS;
        for (GroupRuntime g : sortedGroups()) {
            if (!g.transition(deadline)) {
                // spawning hundreds of programs takes seconds: pause the automatic spawns briefly so that
                // queued calls (and the passes they run) are answered, then go on where we were
                spawnPausedUntil = System.nanoTime() + SPAWN_PAUSE_NANOS;
                wakeUpAfter(SPAWN_PAUSE_NANOS);
                break;
            }
        }
        dependencies.pass();
        pollWaiters();
        tick();
        if (mood != SupervisorState.RUNNING && !stopGroups.isEmpty()) {
            GroupRuntime g = stopGroups.remove(stopGroups.size() - 1);
            if (!g.unstopped().isEmpty()) {
                stopGroups.add(g);
            } else if (!stopGroups.isEmpty()) {
                wakeUpAfter(0); // stop the next group now, not at the next timer pass
            }
        }
    }

    private void pollWaiters() {
        for (Iterator<Waiter> it = waiters.iterator(); it.hasNext(); ) {
            Waiter w = it.next();
            boolean complete;
            try {
                complete = w.poll();
            } catch (RuntimeException e) {
                complete = true;
            }
            if (complete) {
                it.remove();
            }
        }
    }

    /** @return true while some process is not stopped (logs who, every 3 s) */
    private boolean shutdownReport() {
        List<String> names = new ArrayList<>();
        for (GroupRuntime g : groups.values()) {
            for (ProcessRuntime p : g.unstopped()) {
                names.add(p.name());
            }
        }
        if (names.isEmpty()) {
            return false;
        }
        long now = System.nanoTime();
        if (lastShutdownReport == Long.MIN_VALUE || now - lastShutdownReport > 3_000_000_000L) {
            log.info("waiting for " + String.join(", ", names) + " to die");
            lastShutdownReport = now;
        }
        return true;
    }

    private void tick() {
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < TICK_PERIODS.length; i++) {
            int p = TICK_PERIODS[i];
            long slice = now - now % p;
            if (tickSlices[i] == 0) {
                tickSlices[i] = slice; // no tick at start-up
            } else if (slice != tickSlices[i]) {
                tickSlices[i] = slice;
                Map<String, String> h = new LinkedHashMap<>();
                h.put("when", Long.toString(slice));
                emit(EventType.valueOf("TICK_" + p), h, null);
            }
        }
    }

    /** Everything is stopped: restart, or end the daemon. */
    private void stopped() {
        if (mood == SupervisorState.RESTARTING) {
            SupervisorConfig next;
            try {
                next = configSource.load();
            } catch (ConfigException | RuntimeException e) {
                log.critical("could not re-read the configuration on restart: " + e.getMessage());
                mood = SupervisorState.SHUTDOWN;
                finishShutdown();
                return;
            }
            groups.clear();
            dependencies.groupsChanged();
            stopping = false;
            stopGroups = new ArrayList<>();
            lastShutdownReport = Long.MIN_VALUE;
            mood = SupervisorState.RUNNING;
            startup(next);
            if (rememberedStops != null) {
                rememberedStops.apply(sortedGroups(), log);
                rememberedStops = null;
            }
            pass();
            return;
        }
        finishShutdown();
    }

    private void finishShutdown() {
        done = true;
        for (Waiter w : waiters) {
            w.abandon();
        }
        waiters.clear();
        if (writePidfile && active != null) {
            try {
                Files.deleteIfExists(Path.of(active.supervisord().pidfile()));
            } catch (IOException | RuntimeException e) {
                // the reference ignores this too
            }
        }
        finished.countDown();
        if (onShutdownComplete != null) {
            try {
                onShutdownComplete.run();
            } catch (RuntimeException e) {
                log.critical("shutdown hook failed: " + e);
            }
        }
    }

    // ---- start-up and groups ----------------------------------------------------------------------

    private void startup(SupervisorConfig config) {
        active = config;
        lastParsed = config;
        targets = new OutputPump.Targets(output, events, log, config.supervisord().stripAnsi());
        log.setLevel(config.supervisord().loglevel());
        // the reference's order: parse criticals (the root warning last), then warnings, then infos
        for (ConfigMessage m : config.messages()) {
            if (m.level() == io.jsupervisor.config.LogLevel.CRITICAL) {
                log.log(m.level(), m.text());
            }
        }
        if (config.supervisord().user() == null && Spawner.ownUid() == 0) {
            log.critical(ROOT_WARNING);
        }
        for (ConfigMessage m : config.messages()) {
            if (m.level() != io.jsupervisor.config.LogLevel.CRITICAL && m.level().passes(io.jsupervisor.config.LogLevel.WARN)) {
                log.log(m.level(), m.text());
            }
        }
        for (ConfigMessage m : config.messages()) {
            if (!m.level().passes(io.jsupervisor.config.LogLevel.WARN)) {
                log.log(m.level(), m.text());
            }
        }
        if (!rlimitsApplied) {
            rlimitsApplied = true; // the reference applies them at the first start only, not on restart
            applyRlimits(config.supervisord());
        }
        if (!config.supervisord().nocleanup()) {
            AutoLogs.cleanup(config.supervisord().childlogdir(), config.supervisord().identifier())
                    .forEach(log::warn);
        }
        for (GroupSpec g : sortedSpecs(config.groups())) {
            if (g.kind() == io.jsupervisor.config.GroupKind.FCGI) {
                log.warn("fcgi-program:" + g.name() + " is not supported; its processes are not run");
                continue;
            }
            addGroup(g, config.supervisord().environment());
        }
        for (UnixHttpServerSpec u : config.unixHttpServers()) {
            if (u.username() == null) {
                log.critical("Server " + CommandResolver.pyRepr(u.section()) + " running without any HTTP "
                        + "authentication checking");
            }
        }
        for (InetHttpServerSpec i : config.inetHttpServers()) {
            if (i.username() == null) {
                log.critical("Server " + CommandResolver.pyRepr(i.section()) + " running without any HTTP "
                        + "authentication checking");
            }
        }
        if (writePidfile) {
            String pidfile = config.supervisord().pidfile();
            try {
                Files.writeString(Path.of(pidfile), daemonPid + "\n", StandardCharsets.US_ASCII);
            } catch (IOException | RuntimeException e) {
                log.critical("could not write pidfile " + pidfile);
            }
        }
        log.info("supervisord started with pid " + daemonPid);
        emit(EventType.SUPERVISOR_STATE_CHANGE_RUNNING, new LinkedHashMap<>(), null);
    }

    /**
     * {@code minfds}/{@code minprocs}: a soft limit below the minimum becomes the minimum, as the reference's
     * setrlimit. NOFILE is judged on the limit the user started us with; the children get that outcome, not
     * HotSpot's raised limit. A hard limit below the minimum was refused by the launcher already; here (an
     * engine without the launcher) it only gets a CRIT line.
     */
    private void applyRlimits(io.jsupervisor.config.SupervisordSpec s) {
        Rlimits.Limit nofile = Rlimits.own("Max open files");
        if (nofile != null) {
            Long orig = originalNofileSoft;
            Rlimits.Limit start = new Rlimits.Limit(orig != null ? orig : nofile.soft(), nofile.hard());
            Rlimits.Limit child = start;
            if (start.below(s.minfds())) {
                if (start.hardAllows(s.minfds())) {
                    child = new Rlimits.Limit(s.minfds(), start.hard());
                    String error = nofile.below(s.minfds()) ? Rlimits.setSoft(daemonPid, "nofile", s.minfds()) : null;
                    if (error == null) {
                        log.info("Increased RLIMIT_NOFILE limit to " + s.minfds());
                    } else {
                        log.critical("could not raise RLIMIT_NOFILE to " + s.minfds() + ": " + error);
                    }
                } else {
                    log.critical("could not raise RLIMIT_NOFILE to " + s.minfds() + ": the hard limit is "
                            + Rlimits.value(start.hard()));
                }
            }
            spawner.setChildNofile(child.soft() == nofile.soft() ? null : child);
        }
        Rlimits.Limit nproc = Rlimits.own("Max processes");
        if (nproc != null && nproc.below(s.minprocs())) {
            String error = nproc.hardAllows(s.minprocs()) ? Rlimits.setSoft(daemonPid, "nproc", s.minprocs())
                    : "the hard limit is " + Rlimits.value(nproc.hard());
            if (error == null) {
                log.info("Increased RLIMIT_NPROC limit to " + s.minprocs());
            } else {
                log.critical("could not raise RLIMIT_NPROC to " + s.minprocs() + ": " + error);
            }
        }
    }

    static List<GroupSpec> sortedSpecs(List<GroupSpec> specs) {
        List<GroupSpec> l = new ArrayList<>(specs);
        l.sort(Comparator.comparingInt(GroupSpec::priority).thenComparing(GroupSpec::name));
        return l;
    }

    /** Groups by (priority, name): start order. */
    List<GroupRuntime> sortedGroups() {
        List<GroupRuntime> l = new ArrayList<>(groups.values());
        l.sort(Comparator.comparingInt((GroupRuntime g) -> g.spec.priority()).thenComparing(g -> g.spec.name()));
        return l;
    }

    /**
     * @param globalEnvironment the [supervisord] environment of the file {@code spec} was read from
     * @return false when a group of that name is already there
     */
    boolean addGroup(GroupSpec spec, Map<String, String> globalEnvironment) {
        if (groups.containsKey(spec.name())) {
            return false;
        }
        GroupRuntime g = new GroupRuntime(spec, globalEnvironment);
        String dir = active.supervisord().childlogdir();
        String id = active.supervisord().identifier();
        for (ProcessSpec p : spec.processes()) {
            LogFileSpec out = autoLogs.resolve(p.stdout(), dir, p.name(), LogChannel.STDOUT, id);
            LogFileSpec err = autoLogs.resolve(p.stderr(), dir, p.name(), LogChannel.STDERR, id);
            for (LogFileSpec f : new LogFileSpec[] {out, err}) {
                if (f != null) {
                    output.created(f);
                }
            }
            g.processes.put(p.name(), new ProcessRuntime(this, g, p, out, err));
        }
        groups.put(spec.name(), g);
        dependencies.groupsChanged();
        limits.added(g);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("groupname", spec.name());
        emit(EventType.PROCESS_GROUP_ADDED, h, "");
        return true;
    }

    /**
     * A channel's log file for a process that joins a running group ({@link FinerUpdate}), made and announced to
     * the sinks as {@link #addGroup} does; {@code null} for NONE.
     */
    LogFileSpec resolveLog(io.jsupervisor.config.ChannelLogSpec spec, String processName, LogChannel channel) {
        LogFileSpec f = autoLogs.resolve(spec, active.supervisord().childlogdir(), processName, channel,
                active.supervisord().identifier());
        if (f != null) {
            output.created(f);
        }
        return f;
    }

    /** @return false when some process of the group is not stopped */
    boolean removeGroup(String name) {
        GroupRuntime g = groups.get(name);
        if (!g.unstopped().isEmpty()) {
            return false;
        }
        groups.remove(name);
        dependencies.groupsChanged();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("groupname", name);
        emit(EventType.PROCESS_GROUP_REMOVED, h, "");
        return true;
    }

    void emit(EventType type, Map<String, String> headers, String body) {
        events.emit(new SupervisorEvent(type, headers, body));
    }

    // ---- what processes need ----------------------------------------------------------------------

    CommandResolver.Resolved resolve(ProcessRuntime p) throws SpawnError {
        return CommandResolver.resolve(p.spec.command(), CommandResolver.searchPath(
                ChildEnvironment.configured(p.group.globalEnvironment, p.spec), daemonEnv));
    }

    Map<String, String> childEnvironment(ProcessRuntime p) {
        return ChildEnvironment.build(daemonEnv, active, p.group.globalEnvironment, p.spec);
    }

    OutputPump.Targets pumpTargets() {
        return targets;
    }

    double wallSeconds() {
        return System.currentTimeMillis() / 1000.0;
    }

    // ---- daemon state -----------------------------------------------------------------------------

    private volatile io.jsupervisor.api.LogStore logStore;

    /** The registered log store, or {@code null}. */
    public io.jsupervisor.api.LogStore logStore() {
        return logStore;
    }

    public void setLogStore(io.jsupervisor.api.LogStore store) {
        logStore = store;
    }

    public synchronized void unsetLogStore(io.jsupervisor.api.LogStore store) {
        if (logStore == store) {
            logStore = null;
        }
    }

    /** A daemon signal arrived (TERM, INT, HUP, USR2): handled on the engine thread as the reference. */
    public void onSignal(String name) {
        post(() -> {
            switch (name) {
                case "TERM", "INT", "QUIT" -> {
                    log.warn("received SIG" + name + " indicating exit request");
                    mood = SupervisorState.SHUTDOWN;
                }
                case "HUP" -> {
                    if (mood == SupervisorState.SHUTDOWN) {
                        log.warn("ignored SIGHUP indicating restart request (shutdown in progress)");
                    } else {
                        log.warn("received SIGHUP indicating restart request");
                        mood = SupervisorState.RESTARTING;
                    }
                }
                case "USR2" -> {
                    log.info("received SIGUSR2 indicating log reopen request");
                    io.jsupervisor.api.LogStore store = logStore;
                    if (store != null) {
                        store.reopenAll();
                    }
                }
                default -> log.blather("received SIG" + name);
            }
        });
    }

    ConfigSource configSource() {
        return configSource;
    }

    SupervisorState mood() {
        return mood;
    }

    long daemonPid() {
        return daemonPid;
    }

    /** Begins the ordered shutdown (no-op when already shutting down). */
    public void shutdown() {
        post(() -> {
            if (mood != SupervisorState.SHUTDOWN) {
                mood = SupervisorState.SHUTDOWN;
            }
        });
    }

    /** Begins a restart, unless a shutdown is in progress. @return false when ignored */
    public boolean restart() {
        return call(() -> {
            if (mood == SupervisorState.SHUTDOWN) {
                return false;
            }
            mood = SupervisorState.RESTARTING;
            return true;
        });
    }

    /** Throws the reference's SHUTDOWN_STATE fault unless RUNNING (its {@code _update}). */
    void checkRunning() {
        if (mood != SupervisorState.RUNNING) {
            throw new SupervisorException(io.jsupervisor.api.Fault.SHUTDOWN_STATE);
        }
    }

    public MainLogAccess mainLog() {
        return new MainLogAccess(log);
    }

    /** Waits until an ordered shutdown has finished. */
    public boolean awaitShutdown(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    /**
     * Stops every child in order (as a shutdown), waits for that (bounded), then stops the engine thread
     * and lets the sinks take what is still buffered (bounded).
     */
    @Override
    public void close() {
        if (finished.getCount() > 0 && active != null) {
            shutdown();
            try {
                if (!finished.await(120, TimeUnit.SECONDS)) {
                    log.critical("children still running after 120 s of shutdown; leaving them");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        health.close();
        limits.close();
        executor.shutdownNow();
        output.sinks().drain(2000);
        log.sinks().drain(2000);
        events.listeners().drain(2000);
        output.sinks().close();
        log.sinks().close();
        events.listeners().close();
    }

    /** Lets the DS component log signal receipt and the like. */
    public static final class MainLogAccess {
        private final MainLog log;

        MainLogAccess(MainLog log) {
            this.log = log;
        }

        public void log(io.jsupervisor.config.LogLevel level, String message) {
            log.log(level, message);
        }
    }
}
