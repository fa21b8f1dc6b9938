package io.jsupervisor.rest.internal;

import io.jsupervisor.api.ConfigInfo;
import io.jsupervisor.api.Fault;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogTail;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.ReloadResult;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.api.SupervisorState;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A stand-in for the core: processes whose state the actions change (with the reference's faults), a
 * settable stdout log, a settable reread answer; records the calls that change things.
 */
class FakeProcessManager implements ProcessManager {
    private final List<ProcessInfo> processes = new ArrayList<>();
    volatile SupervisorState state = SupervisorState.RUNNING;
    volatile byte[] stdout = new byte[0];
    volatile ReloadResult reload = new ReloadResult(List.of(), List.of(), List.of());
    volatile io.jsupervisor.api.UpdateReport update = new io.jsupervisor.api.UpdateReport(List.of(), List.of(),
            List.of(), List.of(), List.of());
    /** When set, start answers this future instead of completing at once (a start that waits). */
    volatile CompletableFuture<Boolean> pendingStart;
    private final List<String> calls = new ArrayList<>();

    static ProcessInfo process(String group, String name, ProcessState state, int pid) {
        return new ProcessInfo(name, group, state == ProcessState.STOPPED ? 0 : 1_700_000_000L, 0, 1_700_000_100L,
                state, "", 0, "/tmp/" + name + ".out", "", pid, state.name().toLowerCase());
    }

    synchronized FakeProcessManager with(ProcessInfo... infos) {
        processes.addAll(List.of(infos));
        processes.sort((a, b) -> a.group().equals(b.group()) ? a.name().compareTo(b.name()) : a.group().compareTo(b.group()));
        return this;
    }

    private synchronized void record(String call) {
        calls.add(call);
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private void live() {
        if (state != SupervisorState.RUNNING) {
            throw new SupervisorException(Fault.SHUTDOWN_STATE);
        }
    }

    private synchronized int index(String name) {
        for (int i = 0; i < processes.size(); i++) {
            if (processes.get(i).namespec().equals(name)) {
                return i;
            }
        }
        throw new SupervisorException(Fault.BAD_NAME, name);
    }

    private synchronized void set(String name, ProcessState s, int pid) {
        int i = index(name);
        ProcessInfo p = processes.get(i);
        processes.set(i, new ProcessInfo(p.name(), p.group(), p.start(), p.stop(), p.now(), s, "", p.exitstatus(),
                p.stdoutLogfile(), p.stderrLogfile(), pid, s.name().toLowerCase()));
    }

    @Override public SupervisorState state() { return state; }
    @Override public String identification() { return "supervisor"; }
    @Override public long pid() { return 4242; }
    @Override public SupervisorConfig configuration() { return null; }

    @Override
    public synchronized ProcessInfo processInfo(String name) {
        live();
        return processes.get(index(name));
    }

    @Override
    public synchronized List<ProcessInfo> allProcessInfo() {
        live();
        return List.copyOf(processes);
    }

    @Override public List<ConfigInfo> allConfigInfo() { return List.of(); }

    @Override
    public CompletableFuture<Boolean> startProcess(String name, boolean wait) {
        record("startProcess " + name + " " + wait);
        try {
            live();
            if (processInfo(name).state().isRunning()) {
                throw new SupervisorException(Fault.ALREADY_STARTED, name);
            }
        } catch (SupervisorException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Boolean> pending = pendingStart;
        if (pending != null) {
            return pending.thenApply(ok -> {
                set(name, ProcessState.RUNNING, 999);
                return ok;
            });
        }
        set(name, ProcessState.RUNNING, 999);
        return CompletableFuture.completedFuture(true);
    }

    private List<String> members(String group) {
        List<String> names = new ArrayList<>();
        for (ProcessInfo p : allProcessInfo()) {
            if (p.group().equals(group)) {
                names.add(p.namespec());
            }
        }
        if (names.isEmpty()) {
            throw new SupervisorException(Fault.BAD_NAME, group);
        }
        return names;
    }

    private CompletableFuture<List<ProcessResult>> each(String group, java.util.function.Function<String, CompletableFuture<Boolean>> op) {
        List<ProcessResult> results = new ArrayList<>();
        try {
            for (String n : members(group)) {
                ProcessInfo p = processInfo(n);
                try {
                    op.apply(n).join();
                    results.add(ProcessResult.ok(p.name(), p.group()));
                } catch (java.util.concurrent.CompletionException e) {
                    results.add(ProcessResult.failed(p.name(), p.group(), (SupervisorException) e.getCause()));
                }
            }
        } catch (SupervisorException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.completedFuture(results);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> startProcessGroup(String group, boolean wait) {
        record("startProcessGroup " + group + " " + wait);
        return each(group, n -> startProcess(n, wait));
    }

    @Override public CompletableFuture<List<ProcessResult>> startAllProcesses(boolean wait) { throw new UnsupportedOperationException(); }

    @Override
    public CompletableFuture<Boolean> stopProcess(String name, boolean wait) {
        record("stopProcess " + name + " " + wait);
        try {
            live();
            if (!processInfo(name).state().isRunning()) {
                throw new SupervisorException(Fault.NOT_RUNNING, name);
            }
        } catch (SupervisorException e) {
            return CompletableFuture.failedFuture(e);
        }
        set(name, ProcessState.STOPPED, 0);
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> stopProcessGroup(String group, boolean wait) {
        record("stopProcessGroup " + group + " " + wait);
        return each(group, n -> stopProcess(n, wait));
    }

    @Override public CompletableFuture<List<ProcessResult>> stopAllProcesses(boolean wait) { throw new UnsupportedOperationException(); }

    @Override
    public CompletableFuture<Boolean> signalProcess(String name, String signal) {
        record("signalProcess " + name + " " + signal);
        try {
            if (!signal.equals("HUP") && !signal.equals("TERM")) {
                throw new SupervisorException(Fault.BAD_SIGNAL, signal);
            }
            if (!processInfo(name).state().isSignallable()) {
                throw new SupervisorException(Fault.NOT_RUNNING, name);
            }
        } catch (SupervisorException e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> signalProcessGroup(String group, String signal) {
        record("signalProcessGroup " + group + " " + signal);
        return each(group, n -> signalProcess(n, signal));
    }

    @Override public CompletableFuture<List<ProcessResult>> signalAllProcesses(String signal) { throw new UnsupportedOperationException(); }
    @Override public void sendProcessStdin(String name, byte[] data) { throw new UnsupportedOperationException(); }
    @Override public void sendRemoteCommEvent(String type, String data) { throw new UnsupportedOperationException(); }

    @Override
    public byte[] readProcessLog(String name, LogChannel channel, long offset, long length) {
        processInfo(name);
        if (channel == LogChannel.STDERR) {
            throw new SupervisorException(Fault.NO_FILE, name);
        }
        if (offset < 0 && length != 0) {
            throw new SupervisorException(Fault.BAD_ARGUMENTS);
        }
        byte[] all = stdout;
        int from = offset < 0 ? (int) Math.max(0, all.length + offset) : (int) Math.min(all.length, offset);
        int to = length == 0 || offset < 0 ? all.length : (int) Math.min(all.length, from + length);
        return Arrays.copyOfRange(all, from, to);
    }

    @Override
    public LogTail tailProcessLog(String name, LogChannel channel, long offset, long length) {
        processInfo(name);
        byte[] all = stdout;
        int from = (int) Math.max(offset, Math.max(0, all.length - length));
        return new LogTail(Arrays.copyOfRange(all, Math.min(from, all.length), all.length), all.length,
                all.length - offset > length);
    }

    @Override public void clearProcessLogs(String name) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<List<ProcessResult>> clearAllProcessLogs() { throw new UnsupportedOperationException(); }
    @Override public byte[] readMainLog(long offset, long length) { throw new UnsupportedOperationException(); }
    @Override public void clearMainLog() { throw new UnsupportedOperationException(); }
    @Override public Optional<Path> processLogFile(String name, LogChannel channel) { return Optional.empty(); }
    @Override public Optional<Path> mainLogFile() { return Optional.empty(); }

    @Override
    public java.util.concurrent.CompletableFuture<io.jsupervisor.api.UpdateReport> updateChangedOnly() {
        record("updateChangedOnly");
        return java.util.concurrent.CompletableFuture.completedFuture(update);
    }

    @Override
    public ReloadResult reloadConfig() {
        live();
        record("reloadConfig");
        return reload;
    }

    @Override
    public synchronized void addProcessGroup(String group) {
        record("addProcessGroup " + group);
        processes.removeIf(p -> p.group().equals(group));
        with(process(group, group, ProcessState.STOPPED, 0));
    }

    @Override
    public synchronized void removeProcessGroup(String group) {
        record("removeProcessGroup " + group);
        processes.removeIf(p -> p.group().equals(group));
    }

    @Override public void shutdown() { throw new UnsupportedOperationException(); }
    @Override public void restart() { throw new UnsupportedOperationException(); }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
