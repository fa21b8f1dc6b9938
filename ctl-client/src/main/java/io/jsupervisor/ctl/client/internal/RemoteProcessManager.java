package io.jsupervisor.ctl.client.internal;

import io.jsupervisor.api.ConfigInfo;
import io.jsupervisor.api.Fault;
import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.HealthState;
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
import io.jsupervisor.ctl.shell.ClientError;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The ProcessManager API over XML-RPC: every call is the reference's {@code supervisor.*} method, made at once
 * (a "wait" call blocks until the server answers, so its future is already complete). Faults with a known code
 * become {@link SupervisorException}s with the server's fault string; anything else a {@link ClientError}. The
 * parsed configuration and log file paths are not available remotely.
 */
public final class RemoteProcessManager implements ProcessManager {
    private final XmlRpcClient client;

    public RemoteProcessManager(XmlRpcClient client) {
        this.client = client;
    }

    /** One {@code supervisor.<method>} call; faults thrown as the API's exceptions. */
    Object call(String method, Object... params) {
        try {
            return client.call("supervisor." + method, params);
        } catch (XmlRpcFault fault) {
            throw toException(fault);
        }
    }

    /** One {@code jsupervisor.<method>} call (ours; the reference answers UNKNOWN_METHOD). */
    Object callOurs(String method, Object... params) {
        try {
            return client.call("jsupervisor." + method, params);
        } catch (XmlRpcFault fault) {
            throw toException(fault);
        }
    }

    static RuntimeException toException(XmlRpcFault fault) {
        Fault known = Fault.ofCode(fault.code());
        if (known == null) {
            return new ClientError("xmlrpc.client.Fault", "<Fault " + fault.code() + ": " + pyRepr(fault.string()) + ">");
        }
        String string = fault.string();
        String detail = string.equals(known.name()) ? null
                : string.startsWith(known.name() + ": ") ? string.substring(known.name().length() + 2) : string;
        return new SupervisorException(known, detail);
    }

    private static String pyRepr(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private <T> CompletableFuture<T> async(String method, Function<Object, T> convert, Object... params) {
        try {
            return CompletableFuture.completedFuture(convert.apply(call(method, params)));
        } catch (SupervisorException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public SupervisorState state() {
        int code = Values.integer(Values.struct(call("getState")).get("statecode"));
        for (SupervisorState state : SupervisorState.values()) {
            if (state.code() == code) {
                return state;
            }
        }
        throw new ClientError("ValueError", "unknown state code " + code);
    }

    @Override
    public String identification() {
        return Values.string(call("getIdentification"));
    }

    @Override
    public long pid() {
        return Values.integer(call("getPID"));
    }

    @Override
    public SupervisorConfig configuration() {
        throw new UnsupportedOperationException("the parsed configuration is not available over XML-RPC");
    }

    @Override
    public ProcessInfo processInfo(String name) {
        return processInfo(Values.struct(call("getProcessInfo", name)));
    }

    @Override
    public List<ProcessInfo> allProcessInfo() {
        return Values.list(call("getAllProcessInfo"), v -> processInfo(Values.struct(v)));
    }

    private static ProcessInfo processInfo(Map<String, Object> s) {
        int code = Values.integer(s.get("state"));
        ProcessState state = ProcessState.UNKNOWN;
        for (ProcessState candidate : ProcessState.values()) {
            if (candidate.code() == code) {
                state = candidate;
            }
        }
        return new ProcessInfo(Values.string(s.get("name")), Values.string(s.get("group")),
                Values.integer(s.get("start")), Values.integer(s.get("stop")), Values.integer(s.get("now")), state,
                Values.string(s.get("spawnerr")), Values.integer(s.get("exitstatus")),
                Values.string(s.get("stdout_logfile")), Values.string(s.get("stderr_logfile")),
                Values.integer(s.get("pid")), Values.string(s.get("description")));
    }

    @Override
    public HealthInfo health(String name) {
        return healthInfo(Values.struct(callOurs("getHealth", name)));
    }

    @Override
    public List<HealthInfo> allHealth() {
        return Values.list(callOurs("getAllHealth"), v -> healthInfo(Values.struct(v)));
    }

    private static HealthInfo healthInfo(Map<String, Object> s) {
        return new HealthInfo(Values.string(s.get("name")), HealthState.valueOf(Values.string(s.get("health"))),
                Values.string(s.get("check")), Values.integer(s.get("lastcheck")) * 1000L,
                Values.string(s.get("lastresult")), Values.integer(s.get("failures")));
    }

    @Override
    public List<ConfigInfo> allConfigInfo() {
        return Values.list(call("getAllConfigInfo"), v -> configInfo(Values.struct(v)));
    }

    private static ConfigInfo configInfo(Map<String, Object> s) {
        Object uid = s.get("uid");
        return new ConfigInfo(Values.bool(s.get("autostart")), Values.string(s.get("command")),
                Values.string(s.get("directory")), Values.list(s.get("exitcodes"), Values::integer),
                Values.string(s.get("group")), Values.integer(s.get("group_prio")), Values.bool(s.get("inuse")),
                Values.bool(s.get("killasgroup")), Values.string(s.get("name")), Values.integer(s.get("process_prio")),
                Values.bool(s.get("redirect_stderr")), Values.string(s.get("serverurl")),
                Values.integer(s.get("startretries")), Values.integer(s.get("startsecs")),
                Values.integer(s.get("stdout_capture_maxbytes")), Values.bool(s.get("stdout_events_enabled")),
                Values.string(s.get("stdout_logfile")), Values.integer(s.get("stdout_logfile_backups")),
                Values.integer(s.get("stdout_logfile_maxbytes")), Values.bool(s.get("stdout_syslog")),
                Values.integer(s.get("stderr_capture_maxbytes")), Values.bool(s.get("stderr_events_enabled")),
                Values.string(s.get("stderr_logfile")), Values.integer(s.get("stderr_logfile_backups")),
                Values.integer(s.get("stderr_logfile_maxbytes")), Values.bool(s.get("stderr_syslog")),
                Values.integer(s.get("stopsignal")), Values.integer(s.get("stopwaitsecs")),
                uid instanceof Integer number ? number : null);
    }

    private static List<ProcessResult> results(Object value) {
        return Values.list(value, v -> {
            Map<String, Object> s = Values.struct(v);
            return new ProcessResult(Values.string(s.get("name")), Values.string(s.get("group")),
                    Values.integer(s.get("status")), Values.string(s.get("description")));
        });
    }

    @Override
    public CompletableFuture<Boolean> startProcess(String name, boolean wait) {
        return async("startProcess", Values::truthy, name, wait);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> startProcessGroup(String group, boolean wait) {
        return async("startProcessGroup", RemoteProcessManager::results, group, wait);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> startAllProcesses(boolean wait) {
        return async("startAllProcesses", RemoteProcessManager::results, wait);
    }

    @Override
    public CompletableFuture<Boolean> stopProcess(String name, boolean wait) {
        return async("stopProcess", Values::truthy, name, wait);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> stopProcessGroup(String group, boolean wait) {
        return async("stopProcessGroup", RemoteProcessManager::results, group, wait);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> stopAllProcesses(boolean wait) {
        return async("stopAllProcesses", RemoteProcessManager::results, wait);
    }

    @Override
    public CompletableFuture<Boolean> signalProcess(String name, String signal) {
        return async("signalProcess", Values::truthy, name, signal);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> signalProcessGroup(String group, String signal) {
        return async("signalProcessGroup", RemoteProcessManager::results, group, signal);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> signalAllProcesses(String signal) {
        return async("signalAllProcesses", RemoteProcessManager::results, signal);
    }

    @Override
    public void sendProcessStdin(String name, byte[] data) {
        call("sendProcessStdin", name, new String(data, StandardCharsets.UTF_8));
    }

    @Override
    public void sendRemoteCommEvent(String type, String data) {
        call("sendRemoteCommEvent", type, data);
    }

    @Override
    public byte[] readProcessLog(String name, LogChannel channel, long offset, long length) {
        String method = channel == LogChannel.STDOUT ? "readProcessStdoutLog" : "readProcessStderrLog";
        return Values.string(call(method, name, (int) offset, (int) length)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public LogTail tailProcessLog(String name, LogChannel channel, long offset, long length) {
        String method = channel == LogChannel.STDOUT ? "tailProcessStdoutLog" : "tailProcessStderrLog";
        List<Object> answer = Values.list(call(method, name, (int) offset, (int) length), v -> v);
        return new LogTail(Values.string(answer.get(0)).getBytes(StandardCharsets.UTF_8),
                Values.integer(answer.get(1)), Values.bool(answer.get(2)));
    }

    @Override
    public void clearProcessLogs(String name) {
        call("clearProcessLogs", name);
    }

    @Override
    public CompletableFuture<List<ProcessResult>> clearAllProcessLogs() {
        return async("clearAllProcessLogs", RemoteProcessManager::results);
    }

    @Override
    public byte[] readMainLog(long offset, long length) {
        return Values.string(call("readLog", (int) offset, (int) length)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void clearMainLog() {
        call("clearLog");
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
    public ReloadResult reloadConfig() {
        List<Object> outer = Values.list(call("reloadConfig"), v -> v);
        List<Object> inner = Values.list(outer.get(0), v -> v);
        List<String> added = new ArrayList<>(Values.list(inner.get(0), Values::string));
        return new ReloadResult(added, Values.list(inner.get(1), Values::string),
                Values.list(inner.get(2), Values::string));
    }

    /** Ours: {@code jsupervisor.updateChangedOnly}, answered once the stops are done (the call blocks until then). */
    @Override
    public CompletableFuture<io.jsupervisor.api.UpdateReport> updateChangedOnly() {
        Object reply;
        try {
            reply = client.call("jsupervisor.updateChangedOnly");
        } catch (XmlRpcFault fault) {
            return CompletableFuture.failedFuture(toException(fault));
        }
        Map<String, Object> s = Values.struct(reply);
        return CompletableFuture.completedFuture(new io.jsupervisor.api.UpdateReport(
                Values.list(s.get("added_groups"), Values::string), Values.list(s.get("removed_groups"), Values::string),
                Values.list(s.get("restarted"), Values::string), Values.list(s.get("added_processes"), Values::string),
                Values.list(s.get("removed_processes"), Values::string)));
    }

    @Override
    public void addProcessGroup(String group) {
        call("addProcessGroup", group);
    }

    @Override
    public void removeProcessGroup(String group) {
        call("removeProcessGroup", group);
    }

    @Override
    public void shutdown() {
        call("shutdown");
    }

    @Override
    public void restart() {
        call("restart");
    }

    /** {@code getVersion}, the upcheck's call. */
    public String apiVersion() {
        return Values.string(call("getVersion"));
    }

    /** {@code getSupervisorVersion}. */
    public String supervisorVersion() {
        return Values.string(call("getSupervisorVersion"));
    }
}
