package io.jsupervisor.rest.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogTail;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.ReloadResult;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.rest.internal.Router.BadRequest;
import io.jsupervisor.rest.internal.Router.Call;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The JSON API's routes (paths relative to {@code /api/v1}) on the ProcessManager. A process is named
 * by its namespec; the actions also take {@code group:*} for the whole group and then answer the
 * per-process results, as the reference's group calls do.
 */
final class ApiRoutes {
    /** The OpenAPI document, a resource of this package. */
    static final String OPENAPI_RESOURCE = "openapi.json";

    private final ProcessManager pm;
    private final String openApi;

    ApiRoutes(ProcessManager pm) {
        this.pm = pm;
        this.openApi = readOpenApi();
    }

    static String readOpenApi() {
        try (InputStream in = ApiRoutes.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Router router() {
        return new Router()
                .add("GET", "/supervisor", c -> done(supervisor()))
                .add("GET", "/processes", c -> done(Reply.ok(processes(pm.allProcessInfo()))))
                .add("GET", "/processes/{name}", c -> done(Reply.ok(process(pm.processInfo(c.path("name"))))))
                .add("POST", "/processes/{name}/start", c -> start(c.path("name"), flag(c, "wait")))
                .add("POST", "/processes/{name}/stop", c -> stop(c.path("name"), flag(c, "wait")))
                .add("POST", "/processes/{name}/restart", c -> restart(c.path("name"), flag(c, "wait")))
                .add("POST", "/processes/{name}/signal", this::signal)
                .add("GET", "/processes/{name}/log/{channel}", this::readLog)
                .add("GET", "/processes/{name}/log/{channel}/tail", this::tailLog)
                .add("GET", "/groups", c -> done(Reply.ok(groups(null))))
                .add("GET", "/groups/{name}", c -> done(Reply.ok(group(c.path("name")))))
                .add("POST", "/reread", c -> done(Reply.ok(changes(pm.reloadConfig()))))
                .add("POST", "/update", this::update)
                .add("GET", "/openapi.json", c -> done(new Reply(200, openApi)));
    }

    private static CompletableFuture<Reply> done(Reply r) {
        return CompletableFuture.completedFuture(r);
    }

    private Reply supervisor() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("state", pm.state().name());
        m.put("statecode", pm.state().code());
        m.put("pid", pm.pid());
        m.put("identification", pm.identification());
        m.put("version", ProcessManager.SUPERVISOR_VERSION);
        m.put("api_version", ProcessManager.API_VERSION);
        return Reply.ok(m);
    }

    static Map<String, Object> process(ProcessInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("group", p.group());
        m.put("namespec", p.namespec());
        m.put("state", p.state().name());
        m.put("statecode", p.state().code());
        m.put("description", p.description());
        m.put("pid", p.pid());
        m.put("start", p.start());
        m.put("stop", p.stop());
        m.put("now", p.now());
        m.put("uptime", uptime(p));
        m.put("exitstatus", p.exitstatus());
        m.put("spawnerr", p.spawnerr());
        m.put("stdout_logfile", p.stdoutLogfile());
        m.put("stderr_logfile", p.stderrLogfile());
        return m;
    }

    /** Seconds since the spawn while the process lives (STARTING, RUNNING, STOPPING), else 0. */
    static long uptime(ProcessInfo p) {
        boolean alive = p.pid() > 0 && (p.state() == ProcessState.RUNNING || p.state() == ProcessState.STARTING
                || p.state() == ProcessState.STOPPING);
        return alive && p.start() > 0 ? Math.max(0, p.now() - p.start()) : 0;
    }

    private static List<Object> processes(List<ProcessInfo> infos) {
        List<Object> list = new ArrayList<>(infos.size());
        for (ProcessInfo p : infos) {
            list.add(process(p));
        }
        return list;
    }

    /** Groups (sorted, as allProcessInfo is) with their processes' namespecs; {@code only} restricts to one. */
    private List<Object> groups(String only) {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (ProcessInfo p : pm.allProcessInfo()) {
            if (only == null || only.equals(p.group())) {
                byGroup.computeIfAbsent(p.group(), g -> new ArrayList<>()).add(p.namespec());
            }
        }
        List<Object> list = new ArrayList<>();
        byGroup.forEach((g, procs) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", g);
            m.put("processes", procs);
            list.add(m);
        });
        return list;
    }

    private Object group(String name) {
        List<Object> g = groups(name);
        if (g.isEmpty()) {
            throw new SupervisorException(Fault.BAD_NAME, name);
        }
        return g.get(0);
    }

    /** {@code wait}: absent or {@code true} waits, as the reference's default; {@code false} does not. */
    private static boolean flag(Call c, String name) {
        String v = c.query(name);
        if (v == null || v.equals("true") || v.equals("1")) {
            return true;
        }
        if (v.equals("false") || v.equals("0")) {
            return false;
        }
        throw new BadRequest(name + " must be true or false, not " + v);
    }

    private static String groupOf(String name) {
        return name.endsWith(":*") ? name.substring(0, name.length() - 2) : null;
    }

    private CompletableFuture<Reply> start(String name, boolean wait) {
        String group = groupOf(name);
        if (group != null) {
            return pm.startProcessGroup(group, wait).thenApply(ApiRoutes::results);
        }
        return pm.startProcess(name, wait).thenApply(ok -> Reply.ok(process(pm.processInfo(name))));
    }

    private CompletableFuture<Reply> stop(String name, boolean wait) {
        String group = groupOf(name);
        if (group != null) {
            return pm.stopProcessGroup(group, wait).thenApply(ApiRoutes::results);
        }
        return pm.stopProcess(name, wait).thenApply(ok -> Reply.ok(process(pm.processInfo(name))));
    }

    /** As supervisorctl's restart: stop (NOT_RUNNING is fine), then start. */
    private CompletableFuture<Reply> restart(String name, boolean wait) {
        String group = groupOf(name);
        if (group != null) {
            return pm.stopProcessGroup(group, wait).thenCompose(r -> start(name, wait));
        }
        return pm.stopProcess(name, wait).handle((ok, e) -> {
            Throwable cause = e instanceof CompletionException ? e.getCause() : e;
            if (cause == null || (cause instanceof SupervisorException s && s.fault() == Fault.NOT_RUNNING)) {
                return null;
            }
            throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
        }).thenCompose(x -> start(name, wait));
    }

    private CompletableFuture<Reply> signal(Call c) {
        String name = c.path("name");
        String signal = c.query("signal");
        if (signal == null || signal.isEmpty()) {
            throw new BadRequest("signal is required, e.g. ?signal=HUP");
        }
        String group = groupOf(name);
        if (group != null) {
            return pm.signalProcessGroup(group, signal).thenApply(ApiRoutes::results);
        }
        return pm.signalProcess(name, signal).thenApply(ok -> Reply.ok(process(pm.processInfo(name))));
    }

    private static Reply results(List<ProcessResult> results) {
        List<Object> list = new ArrayList<>();
        for (ProcessResult r : results) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", r.name());
            m.put("group", r.group());
            m.put("status", r.status());
            Fault f = Fault.ofCode(r.status());
            m.put("fault", f == null ? null : f.name());
            m.put("description", r.description());
            list.add(m);
        }
        return Reply.ok(Map.of("results", list));
    }

    private static LogChannel channel(Call c) {
        return switch (c.path("channel")) {
            case "stdout" -> LogChannel.STDOUT;
            case "stderr" -> LogChannel.STDERR;
            default -> throw new BadRequest("channel must be stdout or stderr");
        };
    }

    private static long number(Call c, String name, long fallback) {
        String v = c.query(name);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new BadRequest(name + " must be an integer, not " + v);
        }
    }

    /** readProcessStdoutLog: offset/length as the reference (offset &lt; 0: the last -offset bytes, length 0). */
    private CompletableFuture<Reply> readLog(Call c) {
        String name = c.path("name");
        LogChannel ch = channel(c);
        long offset = number(c, "offset", 0);
        long length = number(c, "length", 0);
        byte[] data = pm.readProcessLog(name, ch, offset, length);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("channel", ch.label());
        m.put("offset", offset);
        m.put("bytes", data.length);
        m.put("data", new String(data, StandardCharsets.UTF_8));
        return done(Reply.ok(m));
    }

    /** tailProcessStdoutLog: {@code length} bytes ending at the file's end if it grew past {@code offset}. */
    private CompletableFuture<Reply> tailLog(Call c) {
        String name = c.path("name");
        LogChannel ch = channel(c);
        LogTail t = pm.tailProcessLog(name, ch, number(c, "offset", 0), number(c, "length", 1600));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("channel", ch.label());
        m.put("offset", t.offset());
        m.put("overflow", t.overflow());
        m.put("data", new String(t.data(), StandardCharsets.UTF_8));
        return done(Reply.ok(m));
    }

    private static Map<String, Object> changes(ReloadResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("added", r.added());
        m.put("changed", r.changed());
        m.put("removed", r.removed());
        return m;
    }

    /**
     * supervisorctl's update, done here: re-read; removed groups are stopped and removed (kept when a stop
     * FAILED), changed ones stopped, removed and added again, added ones added. {@code ?group=} (repeatable)
     * restricts it; an unknown group is 404 before anything is done. The messages are supervisorctl's lines.
     */
    private CompletableFuture<Reply> update(Call c) {
        if (c.query("changed_only") != null && flag(c, "changed_only")) { // ours; absent means the reference's update
            if (!c.all("group").stream().allMatch("all"::equals)) {
                throw new BadRequest("changed_only applies to all groups: no group parameter");
            }
            return pm.updateChangedOnly().thenApply(r -> Reply.ok(ChangedOnlyReply.of(r)));
        }
        ReloadResult r = pm.reloadConfig();
        Set<String> only = new HashSet<>(c.all("group"));
        only.remove("all");
        if (!only.isEmpty()) {
            Set<String> known = new HashSet<>(r.added());
            pm.allProcessInfo().forEach(p -> known.add(p.group()));
            for (String g : only) {
                if (!known.contains(g)) {
                    throw new SupervisorException(Fault.BAD_NAME, "no such group: " + g);
                }
            }
        }
        List<String> messages = new ArrayList<>();
        Map<String, Object> done = new LinkedHashMap<>();
        List<String> removed = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> added = new ArrayList<>();
        done.put("added", added);
        done.put("changed", changed);
        done.put("removed", removed);
        done.put("messages", messages);
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (String g : r.removed()) {
            if (only.isEmpty() || only.contains(g)) {
                chain = chain.thenCompose(x -> pm.stopProcessGroup(g, true)).thenAccept(results -> {
                    messages.add(g + ": stopped");
                    if (results.stream().anyMatch(res -> res.status() == Fault.FAILED.code())) {
                        messages.add(g + ": has problems; not removing");
                        return;
                    }
                    pm.removeProcessGroup(g);
                    messages.add(g + ": removed process group");
                    removed.add(g);
                });
            }
        }
        for (String g : r.changed()) {
            if (only.isEmpty() || only.contains(g)) {
                chain = chain.thenCompose(x -> pm.stopProcessGroup(g, true)).thenAccept(results -> {
                    messages.add(g + ": stopped");
                    pm.removeProcessGroup(g);
                    pm.addProcessGroup(g);
                    messages.add(g + ": updated process group");
                    changed.add(g);
                });
            }
        }
        for (String g : r.added()) {
            if (only.isEmpty() || only.contains(g)) {
                chain = chain.thenRun(() -> {
                    pm.addProcessGroup(g);
                    messages.add(g + ": added process group");
                    added.add(g);
                });
            }
        }
        return chain.thenApply(x -> Reply.ok(done));
    }
}
