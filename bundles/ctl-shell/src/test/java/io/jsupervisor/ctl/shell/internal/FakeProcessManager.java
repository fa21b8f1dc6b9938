package io.jsupervisor.ctl.shell.internal;

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
 * A ProcessManager that answers what the test tells it to and records every call as
 * {@code method(args)}. Faults are keyed by call, e.g. {@code startProcess(foo)}.
 */
class FakeProcessManager implements ProcessManager {
    final List<String> calls = new ArrayList<>();
    final List<ProcessInfo> infos = new ArrayList<>();
    final List<ConfigInfo> configInfos = new ArrayList<>();
    final Map<String, SupervisorException> faults = new HashMap<>();
    final Map<String, List<ProcessResult>> results = new HashMap<>();
    final Map<String, byte[]> logs = new HashMap<>();
    ReloadResult reload = new ReloadResult(List.of(), List.of(), List.of());
    io.jsupervisor.api.UpdateReport update = new io.jsupervisor.api.UpdateReport(List.of(), List.of(), List.of(),
            List.of(), List.of());

    FakeProcessManager process(String group, String name, ProcessState state, String description, int pid) {
        infos.add(new ProcessInfo(name, group, 0, 0, 0, state, "", 0, "", "", pid, description));
        return this;
    }

    FakeProcessManager fault(String call, Fault fault, String detail) {
        faults.put(call, new SupervisorException(fault, detail));
        return this;
    }

    FakeProcessManager fault(String call, Fault fault) {
        return fault(call, fault, null);
    }

    FakeProcessManager results(String call, ProcessResult... answer) {
        results.put(call, List.of(answer));
        return this;
    }

    static ProcessResult result(String group, String name, Fault fault, String description) {
        return new ProcessResult(name, group, fault.code(), description);
    }

    private void call(String call) {
        calls.add(call);
        SupervisorException fault = faults.get(call);
        if (fault != null) {
            throw fault;
        }
    }

    private <T> CompletableFuture<T> reply(String call, T value) {
        try {
            call(call);
            return CompletableFuture.completedFuture(value);
        } catch (SupervisorException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<List<ProcessResult>> resultsOf(String call) {
        return reply(call, results.getOrDefault(call, List.of()));
    }

    @Override
    public SupervisorState state() {
        return SupervisorState.RUNNING;
    }

    @Override
    public String identification() {
        return "supervisor";
    }

    @Override
    public long pid() {
        call("pid()");
        return 4242;
    }

    @Override
    public SupervisorConfig configuration() {
        throw new UnsupportedOperationException();
    }

    @Override
    public ProcessInfo processInfo(String name) {
        call("processInfo(" + name + ")");
        return infos.stream().filter(i -> i.namespec().equals(name)).findFirst()
                .orElseThrow(() -> new SupervisorException(Fault.BAD_NAME, name));
    }

    @Override
    public List<ProcessInfo> allProcessInfo() {
        call("allProcessInfo()");
        return List.copyOf(infos);
    }

    @Override
    public List<ConfigInfo> allConfigInfo() {
        call("allConfigInfo()");
        return List.copyOf(configInfos);
    }

    @Override
    public CompletableFuture<Boolean> startProcess(String name, boolean wait) {
        return reply("startProcess(" + name + ")", true);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> startProcessGroup(String group, boolean wait) {
        return resultsOf("startProcessGroup(" + group + ")");
    }

    @Override
    public CompletableFuture<List<ProcessResult>> startAllProcesses(boolean wait) {
        return resultsOf("startAllProcesses()");
    }

    @Override
    public CompletableFuture<Boolean> stopProcess(String name, boolean wait) {
        return reply("stopProcess(" + name + ")", true);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> stopProcessGroup(String group, boolean wait) {
        return resultsOf("stopProcessGroup(" + group + ")");
    }

    @Override
    public CompletableFuture<List<ProcessResult>> stopAllProcesses(boolean wait) {
        return resultsOf("stopAllProcesses()");
    }

    @Override
    public CompletableFuture<Boolean> signalProcess(String name, String signal) {
        return reply("signalProcess(" + name + "," + signal + ")", true);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> signalProcessGroup(String group, String signal) {
        return resultsOf("signalProcessGroup(" + group + "," + signal + ")");
    }

    @Override
    public CompletableFuture<List<ProcessResult>> signalAllProcesses(String signal) {
        return resultsOf("signalAllProcesses(" + signal + ")");
    }

    @Override
    public void sendProcessStdin(String name, byte[] data) {
        call("sendProcessStdin(" + name + "," + new String(data, java.nio.charset.StandardCharsets.UTF_8) + ")");
    }

    @Override
    public void sendRemoteCommEvent(String type, String data) {
        throw new UnsupportedOperationException();
    }

    @Override
    public byte[] readProcessLog(String name, LogChannel channel, long offset, long length) {
        String call = "readProcessLog(" + name + "," + channel.label() + "," + offset + "," + length + ")";
        call(call);
        return logs.getOrDefault(name + "/" + channel.label(), new byte[0]);
    }

    @Override
    public LogTail tailProcessLog(String name, LogChannel channel, long offset, long length) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clearProcessLogs(String name) {
        call("clearProcessLogs(" + name + ")");
    }

    @Override
    public CompletableFuture<List<ProcessResult>> clearAllProcessLogs() {
        return resultsOf("clearAllProcessLogs()");
    }

    @Override
    public byte[] readMainLog(long offset, long length) {
        call("readMainLog(" + offset + "," + length + ")");
        return logs.getOrDefault("main", new byte[0]);
    }

    @Override
    public void clearMainLog() {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Path> processLogFile(String name, LogChannel channel) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> mainLogFile() {
        return Optional.empty();
    }

    @Override
    public CompletableFuture<io.jsupervisor.api.UpdateReport> updateChangedOnly() {
        return reply("updateChangedOnly()", update);
    }

    @Override
    public ReloadResult reloadConfig() {
        call("reloadConfig()");
        return reload;
    }

    @Override
    public void addProcessGroup(String group) {
        call("addProcessGroup(" + group + ")");
    }

    @Override
    public void removeProcessGroup(String group) {
        call("removeProcessGroup(" + group + ")");
    }

    @Override
    public void shutdown() {
        call("shutdown()");
    }

    @Override
    public void restart() {
        call("restart()");
    }
}
