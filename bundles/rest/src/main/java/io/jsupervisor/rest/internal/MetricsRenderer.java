package io.jsupervisor.rest.internal;

import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.ResourceMeter;
import io.jsupervisor.api.ResourceUsage;
import io.jsupervisor.api.SupervisorState;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Map;

/**
 * {@code /metrics}' text. One {@link ResourceMeter} snapshot per scrape (one pass over /proc for all programs),
 * then everything from memory. Process families carry {@code name} and {@code group}; the state is a
 * labelled gauge, one sample per possible state, 1 for the current one (the enum idiom, so a change
 * shows as a change of value and {@code == 1} selects the current state).
 */
final class MetricsRenderer {
    private final ProcessManager pm;
    private final Telemetry telemetry;
    private final ResourceMeter meter;
    private volatile double lastScrapeSeconds = Double.NaN;

    MetricsRenderer(ProcessManager pm, Telemetry telemetry, ResourceMeter meter) {
        this.pm = pm;
        this.telemetry = telemetry;
        this.meter = meter;
    }

    String render() {
        long t0 = System.nanoTime();
        List<ProcessInfo> infos;
        List<HealthInfo> health;
        SupervisorState state;
        try {
            state = pm.state();
            infos = pm.allProcessInfo();
            health = pm.allHealth();
        } catch (RuntimeException e) {
            state = SupervisorState.SHUTDOWN; // stopping: no process figures, the daemon's still
            infos = List.of();
            health = List.of();
        }
        ResourceMeter.Snapshot table = meter.snapshot();
        PromText t = new PromText(4096 + infos.size() * 2048);
        processes(t, infos, table);
        health(t, infos, health);
        daemon(t, state, table);
        http(t);
        lastScrapeSeconds = (System.nanoTime() - t0) / 1e9;
        return t.toString();
    }

    private void processes(PromText t, List<ProcessInfo> infos, ResourceMeter.Snapshot table) {
        ProcessState[] states = ProcessState.values();
        t.family("jsupervisor_process_state", "gauge",
                "Process state: 1 for the state the process is in, 0 for the others.");
        for (ProcessInfo p : infos) {
            for (ProcessState s : states) {
                t.sample("jsupervisor_process_state", p.state() == s ? 1 : 0,
                        "name", p.name(), "group", p.group(), "state", s.name());
            }
        }
        t.family("jsupervisor_process_start_time_seconds", "gauge",
                "Time of the last spawn, seconds since the epoch; 0 if never started.");
        for (ProcessInfo p : infos) {
            t.sample("jsupervisor_process_start_time_seconds", p.start(), "name", p.name(), "group", p.group());
        }
        t.family("jsupervisor_process_uptime_seconds", "gauge",
                "Seconds since the spawn while the process lives (STARTING, RUNNING, STOPPING), else 0.");
        for (ProcessInfo p : infos) {
            t.sample("jsupervisor_process_uptime_seconds", ApiRoutes.uptime(p), "name", p.name(), "group", p.group());
        }
        t.family("jsupervisor_process_starts_total", "counter",
                "Spawns (STARTING transitions) seen since the metrics bundle started.");
        for (ProcessInfo p : infos) {
            t.sample("jsupervisor_process_starts_total", telemetry.counters.starts(p.group(), p.name()),
                    "name", p.name(), "group", p.group());
        }
        t.family("jsupervisor_process_restarts_total", "counter",
                "Automatic restarts (after an exit that autorestart follows, or a BACKOFF retry) seen since the metrics bundle started.");
        for (ProcessInfo p : infos) {
            t.sample("jsupervisor_process_restarts_total", telemetry.counters.restarts(p.group(), p.name()),
                    "name", p.name(), "group", p.group());
        }
        t.family("jsupervisor_process_last_exit_code", "gauge",
                "Exit status of the last exit: the process's own while it is stopped, else the last one read (an automatic respawn resets it, usually before it can be read); -1 when killed by a signal; 0 if none seen.");
        for (ProcessInfo p : infos) {
            t.sample("jsupervisor_process_last_exit_code", telemetry.counters.lastExit(p), "name", p.name(), "group", p.group());
        }
        ResourceUsage[] usage = new ResourceUsage[infos.size()];
        for (int i = 0; i < usage.length; i++) {
            usage[i] = table.tree(infos.get(i).pid());
        }
        t.family("jsupervisor_process_resident_memory_bytes", "gauge",
                "Resident memory of the process and all its descendants; 0 when not running.");
        for (int i = 0; i < usage.length; i++) {
            ProcessInfo p = infos.get(i);
            t.sample("jsupervisor_process_resident_memory_bytes", usage[i].residentBytes(), "name", p.name(), "group", p.group());
        }
        t.family("jsupervisor_process_cpu_seconds_total", "counter",
                "User and system CPU time of the process and its descendants, including reaped children; restarts at 0 with each spawn.");
        for (int i = 0; i < usage.length; i++) {
            ProcessInfo p = infos.get(i);
            t.sample("jsupervisor_process_cpu_seconds_total", usage[i].cpuSeconds(), "name", p.name(), "group", p.group());
        }
        t.family("jsupervisor_process_tree_processes", "gauge",
                "Number of OS processes in the process's tree (itself and its descendants); 0 when not running.");
        for (int i = 0; i < usage.length; i++) {
            ProcessInfo p = infos.get(i);
            t.sample("jsupervisor_process_tree_processes", usage[i].processes(), "name", p.name(), "group", p.group());
        }
    }

    /**
     * {@code jsupervisor_process_healthy}: 1 while the health check passes, 0 otherwise (no verdict yet, or
     * unhealthy); only for programs with a {@code healthcheck}, and the family only when there is one.
     */
    private static void health(PromText t, List<ProcessInfo> infos, List<HealthInfo> health) {
        Map<String, HealthInfo> byName = new java.util.HashMap<>();
        for (HealthInfo h : health) {
            if (h.state() != HealthState.NONE) {
                byName.put(h.name(), h);
            }
        }
        if (byName.isEmpty()) {
            return;
        }
        t.family("jsupervisor_process_healthy", "gauge",
                "1 while the process's health check passes, 0 before its first pass or when unhealthy; only for programs with a healthcheck.");
        for (ProcessInfo p : infos) {
            HealthInfo h = byName.get(p.namespec());
            if (h != null) {
                t.sample("jsupervisor_process_healthy", h.state() == HealthState.HEALTHY ? 1 : 0,
                        "name", p.name(), "group", p.group());
            }
        }
    }

    private void daemon(PromText t, SupervisorState state, ResourceMeter.Snapshot table) {
        t.family("jsupervisor_supervisor_state", "gauge", "Daemon state: 1 for the current one, 0 for the others.");
        for (SupervisorState s : SupervisorState.values()) {
            t.sample("jsupervisor_supervisor_state", s == state ? 1 : 0, "state", s.name());
        }
        t.family("jsupervisor_daemon_uptime_seconds", "gauge", "Seconds since the daemon's JVM started.");
        t.sample("jsupervisor_daemon_uptime_seconds", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        t.family("jsupervisor_jvm_heap_used_bytes", "gauge", "JVM heap in use.");
        t.sample("jsupervisor_jvm_heap_used_bytes", heap.getUsed());
        t.family("jsupervisor_jvm_heap_committed_bytes", "gauge", "JVM heap committed.");
        t.sample("jsupervisor_jvm_heap_committed_bytes", heap.getCommitted());
        t.family("jsupervisor_jvm_heap_max_bytes", "gauge", "JVM heap limit; -1 when undefined.");
        t.sample("jsupervisor_jvm_heap_max_bytes", heap.getMax());
        t.family("jsupervisor_jvm_threads", "gauge", "Live JVM threads.");
        t.sample("jsupervisor_jvm_threads", ManagementFactory.getThreadMXBean().getThreadCount());
        ResourceUsage self = table.process(ProcessHandle.current().pid()).orElse(null);
        if (self != null) {
            t.family("jsupervisor_daemon_resident_memory_bytes", "gauge", "Resident memory of the daemon's own process.");
            t.sample("jsupervisor_daemon_resident_memory_bytes", self.residentBytes());
            t.family("jsupervisor_daemon_cpu_seconds_total", "counter", "User and system CPU time of the daemon's own process.");
            t.sample("jsupervisor_daemon_cpu_seconds_total", self.cpuSeconds());
        }
        t.family("jsupervisor_event_stream_clients", "gauge", "Open /api/v1/events streams.");
        t.sample("jsupervisor_event_stream_clients", telemetry.stream.clientCount());
        t.family("jsupervisor_event_journal_last_id", "counter", "Id of the last event journaled (events and output chunks since the bundle started).");
        t.sample("jsupervisor_event_journal_last_id", telemetry.journal.lastId());
        t.family("jsupervisor_metrics_scrape_duration_seconds", "gauge", "Time the previous /metrics scrape took to render.");
        t.sample("jsupervisor_metrics_scrape_duration_seconds", lastScrapeSeconds);
    }

    private void http(PromText t) {
        HttpStats.Snapshot s = telemetry.http.snapshot();
        t.family("jsupervisor_http_requests_total", "counter", "HTTP requests answered by the metrics and JSON API endpoints.");
        for (Map.Entry<HttpStats.Key, Map<Integer, Long>> e : s.counts()) {
            for (Map.Entry<Integer, Long> c : e.getValue().entrySet()) {
                t.sample("jsupervisor_http_requests_total", c.getValue(), "endpoint", e.getKey().endpoint(),
                        "method", e.getKey().method(), "code", Integer.toString(c.getKey()));
            }
        }
        t.family("jsupervisor_http_request_duration_seconds", "histogram",
                "Time to answer a request of the metrics and JSON API endpoints (event streams: until the stream opened).");
        for (Map.Entry<HttpStats.Key, HttpStats.Histogram> e : s.latencies()) {
            String ep = e.getKey().endpoint();
            String m = e.getKey().method();
            HttpStats.Histogram h = e.getValue();
            long cumulative = 0;
            for (int i = 0; i <= HttpStats.BUCKETS.length; i++) {
                cumulative += h.buckets[i];
                double bound = i < HttpStats.BUCKETS.length ? HttpStats.BUCKETS[i] : Double.POSITIVE_INFINITY;
                t.sample("jsupervisor_http_request_duration_seconds_bucket", cumulative,
                        "endpoint", ep, "method", m, "le", PromText.le(bound));
            }
            t.sample("jsupervisor_http_request_duration_seconds_sum", h.sum, "endpoint", ep, "method", m);
            t.sample("jsupervisor_http_request_duration_seconds_count", h.count, "endpoint", ep, "method", m);
        }
    }
}
