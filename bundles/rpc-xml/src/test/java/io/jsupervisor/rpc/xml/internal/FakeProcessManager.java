package io.jsupervisor.rpc.xml.internal;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A stand-in for the core, for tests of the protocol layer only: one group {@code grp} with processes
 * {@code foo} (named {@code foo}, its own group) and {@code grp:a}; records the calls it gets.
 */
class FakeProcessManager implements ProcessManager {
    volatile SupervisorState state = SupervisorState.RUNNING;
    volatile long pid = 4242;
    volatile SupervisorConfig config;
    volatile byte[] log = new byte[0];
    volatile CompletableFuture<Boolean> nextStart;
    final Map<String, Path> logFiles = new HashMap<>();
    volatile Path mainLog;
    final List<String> calls = new ArrayList<>();

    private synchronized void record(String call) {
        calls.add(call);
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    private static void known(String name) {
        if (!name.equals("foo") && !name.equals("grp:a")) {
            throw new SupervisorException(Fault.BAD_NAME, name);
        }
    }

    private static CompletableFuture<List<ProcessResult>> results(String group) {
        if (!group.equals("grp") && !group.equals("foo")) {
            return CompletableFuture.failedFuture(new SupervisorException(Fault.BAD_NAME, group));
        }
        return CompletableFuture.completedFuture(List.of(ProcessResult.ok("a", group),
                ProcessResult.failed("b", group, new SupervisorException(Fault.SPAWN_ERROR, "quick"))));
    }

    @Override public SupervisorState state() { return state; }
    @Override public String identification() { return "supervisor"; }
    @Override public long pid() { return pid; }
    @Override public SupervisorConfig configuration() { return config; }

    @Override
    public ProcessInfo processInfo(String name) {
        known(name);
        return new ProcessInfo("foo", "foo", 1_700_000_000L, 0, 1_700_000_100L, ProcessState.RUNNING, "", 0,
                "/tmp/foo.log", "", 77, "pid 77, uptime 0:01:40");
    }

    @Override
    public List<ProcessInfo> allProcessInfo() {
        return List.of(processInfo("foo"));
    }

    @Override
    public List<ConfigInfo> allConfigInfo() {
        return List.of(new ConfigInfo(true, "/bin/cat", "none", List.of(0, 2), "foo", 999, true, false, "foo", 999,
                false, "auto", 3, 1, 0, false, "auto", 10, 50L * 1024 * 1024, false, 0, false, "none", 10,
                50L * 1024 * 1024, false, 15, 10, null));
    }

    @Override
    public CompletableFuture<Boolean> startProcess(String name, boolean wait) {
        record("startProcess " + name + " " + wait);
        known(name);
        CompletableFuture<Boolean> f = nextStart;
        return f != null ? f : CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> startProcessGroup(String group, boolean wait) {
        record("startProcessGroup " + group + " " + wait);
        return results(group);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> startAllProcesses(boolean wait) {
        record("startAllProcesses " + wait);
        return results("grp");
    }

    @Override
    public CompletableFuture<Boolean> stopProcess(String name, boolean wait) {
        record("stopProcess " + name + " " + wait);
        known(name);
        return CompletableFuture.failedFuture(new SupervisorException(Fault.NOT_RUNNING, name));
    }

    @Override
    public CompletableFuture<List<ProcessResult>> stopProcessGroup(String group, boolean wait) {
        record("stopProcessGroup " + group + " " + wait);
        return results(group);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> stopAllProcesses(boolean wait) {
        return results("grp");
    }

    @Override
    public CompletableFuture<Boolean> signalProcess(String name, String signal) {
        record("signalProcess " + name + " " + signal);
        known(name);
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> signalProcessGroup(String group, String signal) {
        record("signalProcessGroup " + group + " " + signal);
        return results(group);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> signalAllProcesses(String signal) {
        return results("grp");
    }

    @Override
    public void sendProcessStdin(String name, byte[] data) {
        record("sendProcessStdin " + name + " " + new String(data, java.nio.charset.StandardCharsets.UTF_8));
        known(name);
    }

    @Override
    public void sendRemoteCommEvent(String type, String data) {
        record("sendRemoteCommEvent " + type + " " + data);
    }

    @Override
    public byte[] readProcessLog(String name, LogChannel channel, long offset, long length) {
        known(name);
        return log.clone();
    }

    @Override
    public LogTail tailProcessLog(String name, LogChannel channel, long offset, long length) {
        known(name);
        return new LogTail(log.clone(), 5_000_000_000L, true);
    }

    @Override
    public void clearProcessLogs(String name) {
        known(name);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> clearAllProcessLogs() {
        return results("grp");
    }

    @Override
    public byte[] readMainLog(long offset, long length) {
        if (offset < 0 && length != 0) {
            throw new SupervisorException(Fault.BAD_ARGUMENTS);
        }
        return log.clone();
    }

    @Override
    public void clearMainLog() {
    }

    @Override
    public Optional<Path> processLogFile(String name, LogChannel channel) {
        known(name);
        return Optional.ofNullable(logFiles.get(name + "/" + channel.label()));
    }

    @Override
    public Optional<Path> mainLogFile() {
        return Optional.ofNullable(mainLog);
    }

    @Override
    public ReloadResult reloadConfig() {
        return new ReloadResult(List.of("new"), List.of(), List.of("old1", "old2"));
    }

    @Override
    public void addProcessGroup(String group) {
        throw new SupervisorException(Fault.ALREADY_ADDED, group);
    }

    @Override
    public void removeProcessGroup(String group) {
        record("removeProcessGroup " + group);
    }

    @Override
    public void shutdown() {
        record("shutdown");
    }

    @Override
    public void restart() {
        record("restart");
    }
}
