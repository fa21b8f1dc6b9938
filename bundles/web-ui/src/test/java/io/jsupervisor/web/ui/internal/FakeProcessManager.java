package io.jsupervisor.web.ui.internal;

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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for the core: a settable process list, settable answers for start/stop, a settable
 * stdout log; records the calls that change things.
 */
class FakeProcessManager implements ProcessManager {
    volatile List<ProcessInfo> processes = List.of();
    volatile CompletableFuture<Boolean> startAnswer = CompletableFuture.completedFuture(true);
    volatile CompletableFuture<io.jsupervisor.api.UpdateReport> updateAnswer = CompletableFuture.completedFuture(
            new io.jsupervisor.api.UpdateReport(List.of(), List.of(), List.of(), List.of(), List.of()));
    volatile CompletableFuture<Boolean> stopAnswer = CompletableFuture.completedFuture(true);
    volatile RuntimeException clearFailure;
    volatile byte[] stdout = new byte[0];
    volatile SupervisorException logFailure;
    private final List<String> calls = new ArrayList<>();

    static ProcessInfo process(String group, String name, ProcessState state, String description) {
        return new ProcessInfo(name, group, 1_700_000_000L, 0, 1_700_000_100L, state, "", 0, "", "",
                state == ProcessState.RUNNING ? 77 : 0, description);
    }

    FakeProcessManager with(ProcessInfo... infos) {
        processes = List.of(infos);
        return this;
    }

    private synchronized void record(String call) {
        calls.add(call);
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    @Override public SupervisorState state() { return SupervisorState.RUNNING; }
    @Override public String identification() { return "supervisor"; }
    @Override public long pid() { return 4242; }
    @Override public SupervisorConfig configuration() { return null; }

    @Override
    public ProcessInfo processInfo(String name) {
        return processes.stream().filter(p -> p.namespec().equals(name)).findFirst()
                .orElseThrow(() -> new SupervisorException(Fault.BAD_NAME, name));
    }

    @Override public List<ProcessInfo> allProcessInfo() { return processes; }
    @Override public List<ConfigInfo> allConfigInfo() { return List.of(); }

    @Override
    public CompletableFuture<Boolean> startProcess(String name, boolean wait) {
        record("startProcess " + name + " " + wait);
        return startAnswer;
    }

    @Override
    public CompletableFuture<List<ProcessResult>> startProcessGroup(String group, boolean wait) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<List<ProcessResult>> startAllProcesses(boolean wait) {
        record("startAllProcesses " + wait);
        return CompletableFuture.completedFuture(List.of());
    }

    @Override
    public CompletableFuture<Boolean> stopProcess(String name, boolean wait) {
        record("stopProcess " + name + " " + wait);
        return stopAnswer;
    }

    @Override
    public CompletableFuture<List<ProcessResult>> stopProcessGroup(String group, boolean wait) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletableFuture<List<ProcessResult>> stopAllProcesses(boolean wait) {
        record("stopAllProcesses " + wait);
        return CompletableFuture.failedFuture(new SupervisorException(Fault.FAILED, "ignored by the page"));
    }

    @Override public CompletableFuture<Boolean> signalProcess(String name, String signal) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<List<ProcessResult>> signalProcessGroup(String group, String signal) { throw new UnsupportedOperationException(); }
    @Override public CompletableFuture<List<ProcessResult>> signalAllProcesses(String signal) { throw new UnsupportedOperationException(); }
    @Override public void sendProcessStdin(String name, byte[] data) { throw new UnsupportedOperationException(); }
    @Override public void sendRemoteCommEvent(String type, String data) { throw new UnsupportedOperationException(); }

    @Override
    public byte[] readProcessLog(String name, LogChannel channel, long offset, long length) {
        record("readProcessLog " + name + " " + channel + " " + offset + " " + length);
        if (logFailure != null) {
            throw logFailure;
        }
        processInfo(name);
        byte[] all = stdout;
        int from = offset < 0 ? (int) Math.max(0, all.length + offset) : (int) Math.min(all.length, offset);
        return Arrays.copyOfRange(all, from, all.length);
    }

    @Override public LogTail tailProcessLog(String name, LogChannel channel, long offset, long length) { throw new UnsupportedOperationException(); }

    @Override
    public void clearProcessLogs(String name) {
        record("clearProcessLogs " + name);
        if (clearFailure != null) {
            throw clearFailure;
        }
    }

    @Override public CompletableFuture<List<ProcessResult>> clearAllProcessLogs() { throw new UnsupportedOperationException(); }
    @Override public byte[] readMainLog(long offset, long length) { throw new UnsupportedOperationException(); }
    @Override public void clearMainLog() { throw new UnsupportedOperationException(); }
    /** Log files by {@code namespec + " " + channel}, for the log viewer. */
    final Map<String, Path> logFiles = new ConcurrentHashMap<>();

    @Override
    public Optional<Path> processLogFile(String name, LogChannel channel) {
        processInfo(name);
        return Optional.ofNullable(logFiles.get(name + " " + channel));
    }
    @Override public Optional<Path> mainLogFile() { return Optional.empty(); }
    @Override public ReloadResult reloadConfig() { throw new UnsupportedOperationException(); }

    @Override
    public CompletableFuture<io.jsupervisor.api.UpdateReport> updateChangedOnly() {
        record("updateChangedOnly");
        return updateAnswer;
    }

    @Override public void addProcessGroup(String group) { throw new UnsupportedOperationException(); }
    @Override public void removeProcessGroup(String group) { throw new UnsupportedOperationException(); }
    @Override public void shutdown() { throw new UnsupportedOperationException(); }
    @Override public void restart() { throw new UnsupportedOperationException(); }
}
