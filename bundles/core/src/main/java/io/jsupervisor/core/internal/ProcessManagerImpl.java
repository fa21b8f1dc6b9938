package io.jsupervisor.core.internal;

import io.jsupervisor.api.ConfigInfo;
import io.jsupervisor.api.Fault;
import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.LogStore;
import io.jsupervisor.api.LogTail;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.ReloadResult;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.api.SupervisorState;
import io.jsupervisor.config.ChannelLogSpec;
import io.jsupervisor.config.ConfigException;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.Signals;
import io.jsupervisor.config.SupervisorConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The {@link ProcessManager} service: the reference's {@code supervisor.*} methods, each run on the
 * engine thread with the reference's faults; deferred replies complete their future when the
 * reference would reply.
 */
public final class ProcessManagerImpl implements ProcessManager {
    /** A deferred reply: {@code null} while not done; a SupervisorException is its fault. */
    interface Poll<T> {
        T poll();
    }

    private final Engine engine;
    private final Supplier<LogStore> logStore;

    /** @param logStore the registered LogStore, or {@code null} (read at every call) */
    public ProcessManagerImpl(Engine engine, Supplier<LogStore> logStore) {
        this.engine = engine;
        this.logStore = logStore;
    }

    // ---- daemon -----------------------------------------------------------------------------------

    @Override
    public SupervisorState state() {
        return engine.mood();
    }

    @Override
    public String identification() {
        return engine.call(() -> {
            engine.checkRunning();
            return engine.active.supervisord().identifier();
        });
    }

    @Override
    public long pid() {
        return engine.call(() -> {
            engine.checkRunning();
            return engine.daemonPid();
        });
    }

    @Override
    public SupervisorConfig configuration() {
        return engine.call(() -> engine.active);
    }

    @Override
    public void shutdown() {
        engine.call(() -> {
            engine.checkRunning();
            return null;
        });
        engine.shutdown();
    }

    @Override
    public void restart() {
        engine.call(() -> {
            engine.checkRunning();
            return null;
        });
        engine.restart();
    }

    // ---- names ------------------------------------------------------------------------------------

    private record Target(GroupRuntime group, ProcessRuntime process) {
    }

    /** The reference's {@code _getGroupAndProcess}: {@code g:*} and {@code g:} mean the whole group. */
    private Target target(String name) {
        String groupName;
        String processName;
        int colon = name.indexOf(':');
        if (colon >= 0) {
            groupName = name.substring(0, colon);
            processName = name.substring(colon + 1);
            if (processName.isEmpty() || processName.equals("*")) {
                processName = null;
            }
        } else {
            groupName = name;
            processName = name;
        }
        GroupRuntime g = engine.groups.get(groupName);
        if (g == null) {
            throw new SupervisorException(Fault.BAD_NAME, name);
        }
        if (processName == null) {
            return new Target(g, null);
        }
        ProcessRuntime p = g.processes.get(processName);
        if (p == null) {
            throw new SupervisorException(Fault.BAD_NAME, name);
        }
        return new Target(g, p);
    }

    private ProcessRuntime process(String name) {
        Target t = target(name);
        if (t.process() == null) {
            throw new SupervisorException(Fault.BAD_NAME, name);
        }
        return t.process();
    }

    private GroupRuntime group(String name) {
        GroupRuntime g = engine.groups.get(name);
        if (g == null) {
            throw new SupervisorException(Fault.BAD_NAME, name);
        }
        return g;
    }

    /** Every process: groups by priority, processes by priority ({@code _getAllProcesses}). */
    private List<ProcessRuntime> allProcesses() {
        List<ProcessRuntime> l = new ArrayList<>();
        for (GroupRuntime g : engine.sortedGroups()) {
            l.addAll(g.sorted());
        }
        return l;
    }

    // ---- info -------------------------------------------------------------------------------------

    @Override
    public ProcessInfo processInfo(String name) {
        return engine.call(() -> {
            engine.checkRunning();
            return info(process(name));
        });
    }

    @Override
    public List<ProcessInfo> allProcessInfo() {
        return engine.call(() -> {
            engine.checkRunning();
            List<ProcessInfo> l = new ArrayList<>();
            for (GroupRuntime g : engine.groups.values()) { // TreeMap: by group name
                List<String> names = new ArrayList<>(g.processes.keySet());
                names.sort(Comparator.naturalOrder());
                for (String n : names) {
                    l.add(info(g.processes.get(n)));
                }
            }
            return l;
        });
    }

    @Override
    public HealthInfo health(String name) {
        return engine.call(() -> {
            engine.checkRunning();
            return healthInfo(process(name));
        });
    }

    @Override
    public List<HealthInfo> allHealth() {
        return engine.call(() -> {
            engine.checkRunning();
            List<HealthInfo> l = new ArrayList<>();
            for (GroupRuntime g : engine.groups.values()) { // as allProcessInfo: by group, then process name
                List<String> names = new ArrayList<>(g.processes.keySet());
                names.sort(Comparator.naturalOrder());
                for (String n : names) {
                    l.add(healthInfo(g.processes.get(n)));
                }
            }
            return l;
        });
    }

    private static HealthInfo healthInfo(ProcessRuntime p) {
        return p.health == null ? new HealthInfo(p.namespec(), HealthState.NONE, "", 0, "", 0)
                : p.health.info(p.namespec());
    }

    private ProcessInfo info(ProcessRuntime p) {
        long start = capped(p.laststart);
        long stop = capped(p.laststop);
        long now = capped(engine.wallSeconds());
        String spawnerr = p.spawnerr == null ? "" : p.spawnerr;
        String desc = Descriptions.describe(p.state, p.pid, start, stop, now, spawnerr, p.name(),
                ZoneId.systemDefault());
        return new ProcessInfo(p.name(), p.group.spec.name(), start, stop, now, p.state, spawnerr,
                p.exitstatus == null ? 0 : p.exitstatus, path(p.stdoutLog), path(p.stderrLog), (int) p.pid, desc);
    }

    private static long capped(double seconds) {
        return Math.min((long) seconds, Integer.MAX_VALUE);
    }

    private static String path(LogFileSpec f) {
        return f == null ? "" : f.path().toString();
    }

    @Override
    public List<ConfigInfo> allConfigInfo() {
        return engine.call(() -> {
            engine.checkRunning();
            List<ConfigInfo> l = new ArrayList<>();
            for (GroupSpec g : engine.lastParsed.groups()) {
                GroupRuntime running = engine.groups.get(g.name());
                boolean inuse = running != null;
                for (ProcessSpec p : g.processes()) {
                    ProcessRuntime pr = running == null ? null : running.processes.get(p.name());
                    boolean same = pr != null && pr.spec.equals(p);
                    l.add(configInfo(g, p, inuse, same ? pr : null));
                }
            }
            l.sort(Comparator.comparing(ConfigInfo::name));
            return l;
        });
    }

    private static ConfigInfo configInfo(GroupSpec g, ProcessSpec p, boolean inuse, ProcessRuntime running) {
        ChannelLogSpec out = p.stdout();
        ChannelLogSpec err = p.stderr();
        return new ConfigInfo(p.autostart(), p.command(), p.directory() == null ? "none" : p.directory(),
                p.exitcodes(), g.name(), g.priority(), inuse, p.killasgroup(), p.name(), p.priority(),
                p.redirectStderr(), serverurlInfo(p.serverurl()),
                p.startretries(), p.startsecs(),
                out.captureMaxbytes(), out.eventsEnabled(), logName(out, running == null ? null : running.stdoutLog),
                out.backups(), out.maxbytes(), out.syslog(),
                err.captureMaxbytes(), err.eventsEnabled(), logName(err, running == null ? null : running.stderrLog),
                err.backups(), err.maxbytes(), err.syslog(),
                p.stopsignal(), p.stopwaitsecs(), p.uid());
    }

    /** The reference reads {@code serverurl=AUTO} (any case) as None, which getAllConfigInfo sends as {@code none}. */
    private static String serverurlInfo(String serverurl) {
        return serverurl == null || serverurl.strip().equalsIgnoreCase("AUTO") ? "none" : serverurl;
    }

    /** The reference replaces AUTO by the real file once the group runs; else {@code auto}. */
    private static String logName(ChannelLogSpec spec, LogFileSpec resolved) {
        if (spec.isNone()) {
            return "none";
        }
        if (spec.isAuto()) {
            return resolved != null ? resolved.path().toString() : "auto";
        }
        return spec.logfile();
    }

    // ---- deferred plumbing ------------------------------------------------------------------------

    /** Runs {@code start} on the engine; its Poll is polled now and after every pass until done. */
    private <T> CompletableFuture<T> defer(Supplier<Poll<T>> start) {
        CompletableFuture<T> f = new CompletableFuture<>();
        boolean posted = engine.post(() -> {
            Poll<T> poll;
            try {
                poll = start.get();
            } catch (SupervisorException e) {
                f.completeExceptionally(e);
                return;
            }
            Engine.Waiter w = new Engine.Waiter() {
                @Override
                public boolean poll() {
                    T v;
                    try {
                        v = poll.poll();
                    } catch (SupervisorException e) {
                        f.completeExceptionally(e);
                        return true;
                    }
                    if (v == null) {
                        return false;
                    }
                    f.complete(v);
                    return true;
                }

                @Override
                public void abandon() {
                    f.completeExceptionally(new SupervisorException(Fault.SHUTDOWN_STATE));
                }
            };
            if (!w.poll()) {
                engine.addWaiter(w);
            }
        });
        if (!posted) {
            f.completeExceptionally(new SupervisorException(Fault.SHUTDOWN_STATE));
        }
        return f;
    }

    /**
     * The reference's {@code make_allfunc}: act on every matching process, then wait for them all. Like the
     * reference, which calls it every 0.05 s, it looks at the processes at most once per {@link #POLL_NANOS}, in
     * process order, so processes that finish within one interval are reported in process order (not in the
     * order their exits happened to arrive).
     */
    private final class AllFunc implements Poll<List<ProcessResult>> {
        private static final long POLL_NANOS = 50_000_000L;
        private final List<ProcessRuntime> processes;
        private final Predicate<ProcessRuntime> predicate;
        private final Function<ProcessRuntime, Poll<Boolean>> func;
        private final List<ProcessResult> results = new ArrayList<>();
        private final List<Map.Entry<ProcessRuntime, Poll<Boolean>>> callbacks = new ArrayList<>();
        private boolean started;
        private long nextLook;

        AllFunc(List<ProcessRuntime> processes, Predicate<ProcessRuntime> predicate,
                Function<ProcessRuntime, Poll<Boolean>> func) {
            this.processes = processes;
            this.predicate = predicate;
            this.func = func;
        }

        @Override
        public List<ProcessResult> poll() {
            long now = System.nanoTime();
            if (started && now - nextLook < 0) {
                return null; // the wake-up set at the last look comes
            }
            nextLook = now + POLL_NANOS;
            if (!started) {
                started = true;
                for (ProcessRuntime p : processes) {
                    if (predicate.test(p)) {
                        try {
                            callbacks.add(Map.entry(p, func.apply(p)));
                        } catch (SupervisorException e) {
                            results.add(ProcessResult.failed(p.name(), p.group.spec.name(), e));
                        }
                    }
                }
            }
            for (var it = callbacks.iterator(); it.hasNext(); ) {
                var cb = it.next();
                ProcessRuntime p = cb.getKey();
                try {
                    if (cb.getValue().poll() != null) {
                        results.add(ProcessResult.ok(p.name(), p.group.spec.name()));
                        it.remove();
                    }
                } catch (SupervisorException e) {
                    results.add(ProcessResult.failed(p.name(), p.group.spec.name(), e));
                    it.remove();
                }
            }
            if (callbacks.isEmpty()) {
                return List.copyOf(results);
            }
            engine.wakeUpAfter(POLL_NANOS);
            return null;
        }
    }

    private static <T> Poll<T> now(T value) {
        return () -> value;
    }

    private static Poll<Boolean> whenGroupDone(Poll<List<ProcessResult>> group) {
        return () -> group.poll() == null ? null : Boolean.TRUE;
    }

    // ---- start ------------------------------------------------------------------------------------

    /** For {@code g:*} the group operation runs and the future gives TRUE when it is done. */
    @Override
    public CompletableFuture<Boolean> startProcess(String name, boolean wait) {
        return defer(() -> {
            engine.checkRunning();
            Target t = target(name);
            if (t.process() == null) {
                return whenGroupDone(startGroup(t.group(), wait));
            }
            return startOne(name, t.process(), wait);
        });
    }

    private Poll<Boolean> startOne(String name, ProcessRuntime p, boolean wait) {
        engine.checkRunning();
        try {
            engine.resolve(p);
        } catch (SpawnError e) {
            throw new SupervisorException(e.fault(), e.getMessage());
        }
        if (p.state.isRunning()) {
            throw new SupervisorException(Fault.ALREADY_STARTED, name);
        }
        if (p.state == ProcessState.UNKNOWN) {
            throw new SupervisorException(Fault.FAILED, name + " is in an unknown process state");
        }
        Poll<Boolean> queued = engine.dependencies.start(name, p, wait);
        if (queued != null) {
            return queued; // depends_on: spawned once its dependencies are ready
        }
        p.spawn();
        if (p.spawnerr != null) {
            throw new SupervisorException(Fault.SPAWN_ERROR, name);
        }
        p.transition();
        if (wait && p.state != ProcessState.RUNNING) {
            return () -> {
                if (p.spawnerr != null) {
                    throw new SupervisorException(Fault.SPAWN_ERROR, name);
                }
                if (p.state != ProcessState.STARTING && p.state != ProcessState.RUNNING) {
                    throw new SupervisorException(Fault.ABNORMAL_TERMINATION, name);
                }
                return p.state == ProcessState.RUNNING ? Boolean.TRUE : null;
            };
        }
        return now(Boolean.TRUE);
    }

    private Poll<List<ProcessResult>> startGroup(GroupRuntime g, boolean wait) {
        return new AllFunc(engine.dependencies.startOrder(g.sorted()), p -> !p.state.isRunning(),
                p -> startOne(p.namespec(), p, wait));
    }

    @Override
    public CompletableFuture<List<ProcessResult>> startProcessGroup(String group, boolean wait) {
        return defer(() -> {
            engine.checkRunning();
            return startGroup(group(group), wait);
        });
    }

    @Override
    public CompletableFuture<List<ProcessResult>> startAllProcesses(boolean wait) {
        return defer(() -> {
            engine.checkRunning();
            return new AllFunc(engine.dependencies.startOrder(allProcesses()), p -> !p.state.isRunning(),
                    p -> startOne(p.namespec(), p, wait));
        });
    }

    // ---- stop -------------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Boolean> stopProcess(String name, boolean wait) {
        return defer(() -> {
            engine.checkRunning();
            Target t = target(name);
            if (t.process() == null) {
                return whenGroupDone(stopGroup(t.group(), wait));
            }
            return stopOne(name, t.process(), wait);
        });
    }

    private Poll<Boolean> stopOne(String name, ProcessRuntime p, boolean wait) {
        engine.checkRunning();
        if (engine.dependencies.cancelStart(p)) {
            return now(Boolean.TRUE); // it was queued waiting for its dependencies: now it is not
        }
        if (!p.state.isRunning()) {
            if (p.cancelPausedRestart()) {
                return now(Boolean.TRUE);
            }
            if (p.cancelRestartWhenStopped()) { // a health or limit restart is stopping it: now it stays stopped
                return wait ? () -> p.state.isStopped() ? Boolean.TRUE : null : now(Boolean.TRUE);
            }
            throw new SupervisorException(Fault.NOT_RUNNING, name);
        }
        String msg = p.stop();
        if (msg != null) {
            throw new SupervisorException(Fault.FAILED, msg);
        }
        if (wait) {
            return () -> {
                if (!p.state.isStopped()) {
                    p.stopReport();
                    return null;
                }
                return Boolean.TRUE;
            };
        }
        return now(Boolean.TRUE);
    }

    private Poll<List<ProcessResult>> stopGroup(GroupRuntime g, boolean wait) {
        return stopSome(g.sorted(), wait);
    }

    /** A group or "all" stop: with depends_on, a process is stopped once the ones in the stop depending on it are. */
    private Poll<List<ProcessResult>> stopSome(List<ProcessRuntime> processes, boolean wait) {
        Dependencies deps = engine.dependencies;
        return new AllFunc(deps.stopOrder(processes),
                p -> p.state.isRunning() || p.restartPaused() || p.restartWhenStopped || deps.queued(p), p -> {
                    engine.checkRunning();
                    Poll<Boolean> held = p.state.isRunning() ? deps.stop(p.namespec(), p, wait, processes) : null;
                    return held != null ? held : stopOne(p.namespec(), p, wait);
                });
    }

    @Override
    public CompletableFuture<List<ProcessResult>> stopProcessGroup(String group, boolean wait) {
        return defer(() -> {
            engine.checkRunning();
            return stopGroup(group(group), wait);
        });
    }

    @Override
    public CompletableFuture<List<ProcessResult>> stopAllProcesses(boolean wait) {
        return defer(() -> {
            engine.checkRunning();
            return stopSome(allProcesses(), wait);
        });
    }

    // ---- signal -----------------------------------------------------------------------------------

    @Override
    public CompletableFuture<Boolean> signalProcess(String name, String signal) {
        return defer(() -> {
            engine.checkRunning();
            Target t = target(name);
            if (t.process() == null) {
                return whenGroupDone(signalGroup(t.group().sorted(), signal));
            }
            return signalOne(name, t.process(), signal);
        });
    }

    private Poll<Boolean> signalOne(String name, ProcessRuntime p, String signal) {
        engine.checkRunning();
        int sig;
        try {
            sig = Signals.parse(signal);
        } catch (IllegalArgumentException e) {
            throw new SupervisorException(Fault.BAD_SIGNAL, signal);
        }
        if (!p.state.isSignallable()) {
            throw new SupervisorException(Fault.NOT_RUNNING, name);
        }
        String msg = p.signal(sig);
        if (msg != null) {
            throw new SupervisorException(Fault.FAILED, msg);
        }
        return now(Boolean.TRUE);
    }

    private Poll<List<ProcessResult>> signalGroup(List<ProcessRuntime> processes, String signal) {
        AllFunc all = new AllFunc(processes, p -> p.state.isSignallable(), p -> signalOne(p.namespec(), p, signal));
        List<ProcessResult> r = all.poll();
        engine.checkRunning(); // the reference checks only after acting
        return now(r);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> signalProcessGroup(String group, String signal) {
        return defer(() -> signalGroup(group(group).sorted(), signal));
    }

    @Override
    public CompletableFuture<List<ProcessResult>> signalAllProcesses(String signal) {
        return defer(() -> signalGroup(allProcesses(), signal));
    }

    // ---- stdin and events -------------------------------------------------------------------------

    @Override
    public void sendProcessStdin(String name, byte[] data) {
        OutputStream stdin = engine.call(() -> {
            ProcessRuntime p = process(name);
            // Event listener pools are fed until they stop last at shutdown, as the reference's are.
            if (p.group.spec.kind() != io.jsupervisor.config.GroupKind.EVENTLISTENER) {
                engine.checkRunning();
            }
            if (p.pid == 0 || p.killing || p.stdin() == null) {
                throw new SupervisorException(Fault.NOT_RUNNING, name);
            }
            return p.stdin();
        });
        // written here, not on the engine: a child that does not read must not stall the engine
        synchronized (stdin) {
            try {
                stdin.write(data);
                stdin.flush();
            } catch (IOException e) {
                throw new SupervisorException(Fault.NO_FILE, name);
            }
        }
    }

    @Override
    public void sendRemoteCommEvent(String type, String data) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>();
        h.put("type", type);
        engine.post(() -> engine.emit(io.jsupervisor.api.EventType.REMOTE_COMMUNICATION, h, data));
    }

    // ---- logs -------------------------------------------------------------------------------------

    private LogFileSpec logOf(ProcessRuntime p, LogChannel channel) {
        return channel == LogChannel.STDOUT ? p.stdoutLog : p.stderrLog;
    }

    @Override
    public byte[] readProcessLog(String name, LogChannel channel, long offset, long length) {
        LogFileSpec f = engine.call(() -> {
            engine.checkRunning();
            return logOf(process(name), channel);
        });
        return read(f, offset, length);
    }

    private byte[] read(LogFileSpec f, long offset, long length) {
        if (f == null) {
            throw new SupervisorException(Fault.NO_FILE); // the reference's RPCError(NO_FILE, None): no detail
        }
        LogStore store = logStore.get();
        if (store == null || !Files.exists(f.path())) {
            throw new SupervisorException(Fault.NO_FILE, f.path().toString());
        }
        if ((offset < 0 && length != 0) || (offset >= 0 && length < 0)) {
            throw new SupervisorException(Fault.BAD_ARGUMENTS);
        }
        try {
            return store.read(f, offset, length);
        } catch (NoSuchFileException e) {
            throw new SupervisorException(Fault.NO_FILE, f.path().toString());
        } catch (IOException | RuntimeException e) {
            throw new SupervisorException(Fault.FAILED, "FAILED");
        }
    }

    @Override
    public LogTail tailProcessLog(String name, LogChannel channel, long offset, long length) {
        LogFileSpec f = engine.call(() -> {
            engine.checkRunning();
            return logOf(process(name), channel);
        });
        LogStore store = logStore.get();
        if (f == null || store == null || !Files.exists(f.path())) {
            return new LogTail(new byte[0], 0, false);
        }
        try {
            return store.tail(f, offset, length);
        } catch (IOException | RuntimeException e) {
            return new LogTail(new byte[0], offset, false);
        }
    }

    @Override
    public void clearProcessLogs(String name) {
        List<LogFileSpec> files = engine.call(() -> {
            engine.checkRunning();
            return openLogs(process(name));
        });
        clearLogs(files, name);
    }

    /** Only a running process's logs are open, and only those are cleared, as the reference's dispatchers. */
    private static List<LogFileSpec> openLogs(ProcessRuntime p) {
        List<LogFileSpec> l = new ArrayList<>();
        if (p.pid != 0) {
            for (LogFileSpec f : new LogFileSpec[] {p.stdoutLog, p.stderrLog}) {
                if (f != null) {
                    l.add(f);
                }
            }
        }
        return l;
    }

    private void clearLogs(List<LogFileSpec> files, String name) {
        eachLog(files, name, "clearing", LogStore::clear);
    }

    /** What clear and rotate do to one file through the store. */
    private interface LogFileAction {
        void apply(LogStore store, LogFileSpec file) throws IOException;
    }

    /** Without a store nothing is done and nothing fails; a store that cannot do it is FAILED, naming it. */
    private void eachLog(List<LogFileSpec> files, String name, String what, LogFileAction action) {
        LogStore store = logStore.get();
        if (store == null) {
            return;
        }
        for (LogFileSpec f : files) {
            try {
                action.apply(store, f);
            } catch (UnsupportedOperationException e) {
                throw new SupervisorException(Fault.FAILED, name + ": " + what + " not supported by the log store");
            } catch (IOException | RuntimeException e) {
                throw new SupervisorException(Fault.FAILED, name);
            }
        }
    }

    @Override
    public CompletableFuture<List<ProcessResult>> clearAllProcessLogs() {
        record Entry(ProcessRuntime process, List<LogFileSpec> files) {
        }
        CompletableFuture<List<ProcessResult>> f = new CompletableFuture<>();
        List<Entry> all;
        try {
            all = engine.call(() -> {
                engine.checkRunning();
                List<Entry> l = new ArrayList<>();
                for (ProcessRuntime p : allProcesses()) {
                    l.add(new Entry(p, openLogs(p)));
                }
                return l;
            });
        } catch (SupervisorException e) {
            f.completeExceptionally(e);
            return f;
        }
        List<ProcessResult> results = new ArrayList<>();
        for (Entry e : all) {
            ProcessRuntime p = e.process();
            try {
                clearLogs(e.files(), p.namespec());
                results.add(ProcessResult.ok(p.name(), p.group.spec.name()));
            } catch (SupervisorException ex) {
                results.add(ProcessResult.failed(p.name(), p.group.spec.name(), ex));
            }
        }
        f.complete(results);
        return f;
    }

    private LogFileSpec mainLogSpec() {
        var s = engine.active.supervisord();
        if (s.logfile() == null || "syslog".equalsIgnoreCase(s.logfile())) {
            return null;
        }
        return new LogFileSpec(Path.of(s.logfile()), s.logfileMaxbytes(), s.logfileBackups(), false);
    }

    @Override
    public byte[] readMainLog(long offset, long length) {
        LogFileSpec f = engine.call(() -> {
            engine.checkRunning();
            return mainLogSpec();
        });
        return read(f, offset, length);
    }

    @Override
    public void clearMainLog() {
        LogFileSpec f = engine.call(() -> {
            engine.checkRunning();
            return mainLogSpec();
        });
        LogStore store = logStore.get();
        if (f == null || store == null || !Files.exists(f.path())) {
            throw new SupervisorException(Fault.NO_FILE);
        }
        try {
            store.clear(f);
        } catch (IOException | RuntimeException e) {
            throw new SupervisorException(Fault.FAILED);
        }
    }

    @Override
    public void rotateProcessLogs(String name) {
        List<LogFileSpec> files = engine.call(() -> {
            engine.checkRunning();
            return configuredLogs(process(name));
        });
        rotateLogs(files, name);
    }

    @Override
    public void rotateAllProcessLogs() {
        record Entry(String namespec, List<LogFileSpec> files) {
        }
        List<Entry> all = engine.call(() -> {
            engine.checkRunning();
            List<Entry> l = new ArrayList<>();
            for (ProcessRuntime p : allProcesses()) {
                l.add(new Entry(p.namespec(), configuredLogs(p)));
            }
            return l;
        });
        List<String> failed = new ArrayList<>();
        for (Entry e : all) {
            try {
                rotateLogs(e.files(), e.namespec());
            } catch (SupervisorException ex) {
                failed.add(e.namespec());
            }
        }
        if (!failed.isEmpty()) {
            throw new SupervisorException(Fault.FAILED, String.join(", ", failed));
        }
    }

    /** Rotation works on files, not on open handles: a stopped process's existing files rotate too. */
    private static List<LogFileSpec> configuredLogs(ProcessRuntime p) {
        List<LogFileSpec> l = new ArrayList<>();
        for (LogFileSpec f : new LogFileSpec[] {p.stdoutLog, p.stderrLog}) {
            if (f != null && !l.contains(f) && Files.exists(f.path())) {
                l.add(f);
            }
        }
        return l;
    }

    private void rotateLogs(List<LogFileSpec> files, String name) {
        eachLog(files, name, "rotation", LogStore::rotate);
    }

    @Override
    public void rotateLog() {
        LogFileSpec f = engine.call(() -> {
            engine.checkRunning();
            return mainLogSpec();
        });
        LogStore store = logStore.get();
        if (f == null || store == null || !Files.exists(f.path())) {
            throw new SupervisorException(Fault.NO_FILE);
        }
        try {
            store.rotate(f);
        } catch (IOException | RuntimeException e) {
            throw new SupervisorException(Fault.FAILED);
        }
    }

    @Override
    public Optional<Path> processLogFile(String name, LogChannel channel) {
        LogFileSpec f = engine.call(() -> {
            engine.checkRunning();
            return logOf(process(name), channel);
        });
        return Optional.ofNullable(f).map(LogFileSpec::path);
    }

    @Override
    public Optional<Path> mainLogFile() {
        return Optional.ofNullable(engine.call(this::mainLogSpec)).map(LogFileSpec::path);
    }

    // ---- configuration ----------------------------------------------------------------------------

    @Override
    public ReloadResult reloadConfig() {
        engine.call(() -> {
            engine.checkRunning();
            return null;
        });
        SupervisorConfig parsed;
        try {
            parsed = engine.configSource().load(); // parsed off the engine thread: it reads files
        } catch (ConfigException e) {
            throw new SupervisorException(Fault.CANT_REREAD, e.getMessage());
        }
        return engine.call(() -> {
            engine.lastParsed = parsed;
            List<String> added = new ArrayList<>();
            List<String> changed = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            for (GroupSpec g : parsed.groups()) {
                if (g.kind() == io.jsupervisor.config.GroupKind.FCGI) {
                    continue; // never run, so never added
                }
                GroupRuntime running = engine.groups.get(g.name());
                if (running == null) {
                    added.add(g.name());
                } else if (!running.spec.equals(g) || !sameChildEnvironments(g, running.globalEnvironment, parsed)) {
                    changed.add(g.name());
                }
            }
            for (String name : engine.groups.keySet()) {
                if (parsed.group(name).isEmpty()) {
                    removed.add(name);
                }
            }
            added.sort(null);
            changed.sort(null);
            removed.sort(null);
            return new ReloadResult(added, changed, removed);
        });
    }

    /** Parsed here, off the engine thread (it reads files); the rest is {@link FinerUpdate}'s, on the engine. */
    @Override
    public CompletableFuture<io.jsupervisor.api.UpdateReport> updateChangedOnly() {
        SupervisorConfig parsed;
        try {
            engine.call(() -> {
                engine.checkRunning();
                return null;
            });
            parsed = engine.configSource().load();
        } catch (SupervisorException e) {
            return CompletableFuture.failedFuture(e);
        } catch (ConfigException e) {
            return CompletableFuture.failedFuture(new SupervisorException(Fault.CANT_REREAD, e.getMessage()));
        }
        return defer(() -> {
            engine.checkRunning();
            return FinerUpdate.begin(engine, parsed);
        });
    }

    /**
     * The reference merges {@code [supervisord] environment} into every process's own environment when it reads
     * the file, so a change there makes every group whose processes end up with another environment "changed".
     */
    private static boolean sameChildEnvironments(GroupSpec group, Map<String, String> globalBefore,
                                                 SupervisorConfig after) {
        Map<String, String> globalAfter = after.supervisord().environment();
        if (globalBefore.equals(globalAfter)) {
            return true;
        }
        for (ProcessSpec p : group.processes()) {
            Map<String, String> was = new java.util.HashMap<>(globalBefore);
            was.putAll(p.environment());
            Map<String, String> now = new java.util.HashMap<>(globalAfter);
            now.putAll(p.environment());
            if (!was.equals(now)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void addProcessGroup(String group) {
        engine.call(() -> {
            engine.checkRunning();
            for (GroupSpec g : engine.lastParsed.groups()) {
                if (g.name().equals(group) && g.kind() != io.jsupervisor.config.GroupKind.FCGI) {
                    if (!engine.addGroup(g, engine.lastParsed.supervisord().environment())) {
                        throw new SupervisorException(Fault.ALREADY_ADDED, group);
                    }
                    return null;
                }
            }
            throw new SupervisorException(Fault.BAD_NAME, group);
        });
    }

    @Override
    public void removeProcessGroup(String group) {
        engine.call(() -> {
            engine.checkRunning();
            if (!engine.groups.containsKey(group)) {
                throw new SupervisorException(Fault.BAD_NAME, group);
            }
            if (!engine.removeGroup(group)) {
                throw new SupervisorException(Fault.STILL_RUNNING, group);
            }
            return null;
        });
    }
}
