package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.UpdateReport;
import io.jsupervisor.rpc.xml.RpcNamespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code jsupervisor.*}: what JSupervisor offers beyond the reference, kept out of {@code supervisor.*} so that
 * namespace answers exactly as the reference's. Registered as an ordinary {@link RpcNamespace} service, as a
 * plugin's would be. Faults are the reference's ({@code BAD_NAME}, {@code NO_FILE}, {@code FAILED}, {@code CANT_REREAD},
 * {@code SHUTDOWN_STATE}).
 */
@Component(service = RpcNamespace.class)
public final class JsupervisorNamespace implements RpcNamespace {
    private final ProcessManager pm;

    @Activate
    public JsupervisorNamespace(@Reference ProcessManager pm) {
        this.pm = pm;
    }

    @Override
    public String name() {
        return "jsupervisor";
    }

    /** Rotate the stdout and stderr log files of a process now. */
    public boolean rotateProcessLogs(String name) {
        pm.rotateProcessLogs(name);
        return true;
    }

    /** Rotate the log files of every process now. */
    public boolean rotateAllProcessLogs() {
        pm.rotateAllProcessLogs();
        return true;
    }

    /** Rotate the main log now. */
    public boolean rotateLog() {
        pm.rotateLog();
        return true;
    }

    /**
     * Re-read the configuration and apply it, restarting only the processes whose own settings changed (the
     * reference's supervisorctl {@code update} restarts whole groups). Answers when the stops are done and the new
     * settings are in place, as {@code update}'s last call would; lists of names, sorted.
     */
    public CompletableFuture<Map<String, Object>> updateChangedOnly() {
        return pm.updateChangedOnly().thenApply(JsupervisorNamespace::struct);
    }

    static Map<String, Object> struct(UpdateReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("added_groups", r.addedGroups());
        m.put("removed_groups", r.removedGroups());
        m.put("restarted", r.restarted());
        m.put("added_processes", r.addedProcesses());
        m.put("removed_processes", r.removedProcesses());
        return m;
    }

    /**
     * The health check of a process: {@code name}, {@code health} (NONE, STARTING, HEALTHY, UNHEALTHY),
     * {@code check} (as configured, {@code ""} for none), {@code lastcheck} (epoch seconds, 0 before the first),
     * {@code lastresult}, {@code failures} (in a row). Fault BAD_NAME for an unknown name.
     */
    public Map<String, Object> getHealth(String name) {
        return struct(pm.health(name));
    }

    /** {@link #getHealth} of every process, in getAllProcessInfo order. */
    public List<Map<String, Object>> getAllHealth() {
        List<Map<String, Object>> l = new ArrayList<>();
        for (HealthInfo h : pm.allHealth()) {
            l.add(struct(h));
        }
        return l;
    }

    static Map<String, Object> struct(HealthInfo h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", h.name());
        m.put("health", h.state().name());
        m.put("check", h.check());
        m.put("lastcheck", (int) Math.min(h.lastCheck() / 1000, Integer.MAX_VALUE));
        m.put("lastresult", h.lastResult());
        m.put("failures", h.failures());
        return m;
    }
}
