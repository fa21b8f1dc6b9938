package io.jsupervisor.rest.internal;

import static io.jsupervisor.rest.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} at 1,000 programs, read by the Prometheus client's own text parser (Debian's
 * python3-prometheus-client); skipped when that module is not installed.
 */
class MetricsPrometheusTest {
    private static final String PARSER = String.join("\n",
            "import json, sys",
            "from prometheus_client.parser import text_string_to_metric_families",
            "out = {}",
            "for f in text_string_to_metric_families(open(sys.argv[1], encoding='utf-8').read()):",
            "    out[f.name] = {'type': f.type, 'help': f.documentation,",
            "                   'samples': [[s.name, s.labels, repr(s.value)] for s in f.samples]}",
            "json.dump(out, open(sys.argv[2], 'w'))");

    /** Debian's interpreter, where python3-prometheus-client installs (a pyenv python3 on PATH would not see it). */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    @TempDir
    Path tmp;

    private static boolean parserInstalled() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import prometheus_client.parser").redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private Map<String, Object> parse(String text) throws Exception {
        Path in = tmp.resolve("metrics.txt");
        Path out = tmp.resolve("parsed.json");
        Files.writeString(in, text);
        Process p = new ProcessBuilder(PYTHON, "-c", PARSER, in.toString(), out.toString())
                .redirectErrorStream(true).start();
        String err = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "parser timed out");
        assertEquals(0, p.exitValue(), "the Prometheus parser refused the text: " + err);
        return JsonReader.object(Files.readString(out));
    }

    /** A real tree: sh with two sleeping children. */
    private static Process tree() throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", "sleep 300 & sleep 300 & wait").start();
        Path children = Path.of("/proc/" + sh.pid() + "/task/" + sh.pid() + "/children");
        Wait.until(() -> {
            try {
                return Files.readString(children).trim().split(" ").length == 2;
            } catch (IOException e) {
                return false;
            }
        });
        return sh;
    }

    private static SupervisorEvent state(EventType type, String name, String from, String... extra) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("processname", name);
        h.put("groupname", "g000");
        h.put("from_state", from);
        for (int i = 0; i < extra.length; i += 2) {
            h.put(extra[i], extra[i + 1]);
        }
        return new SupervisorEvent(type, h, null);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aThousandProgramsParseWithThePrometheusParserAndCarryTheRightFigures() throws Exception {
        assumeTrue(parserInstalled(), "python3-prometheus-client is not installed");
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc");
        Process sh = tree();
        try {
            List<ProcessInfo> infos = new ArrayList<>();
            infos.add(process("g000", "p0000", ProcessState.RUNNING, (int) sh.pid()));
            for (int i = 1; i < 999; i++) {
                infos.add(process(String.format("g%03d", i / 10), String.format("p%04d", i),
                        ProcessState.values()[i % ProcessState.values().length], 0));
            }
            infos.add(process("we\"ird\\", "new\nline", ProcessState.FATAL, 0));
            FakeProcessManager pm = new FakeProcessManager().with(infos.toArray(ProcessInfo[]::new));
            try (RestServer rest = new RestServer(pm)) {
                Telemetry t = rest.telemetry;
                t.onEvent(state(EventType.PROCESS_STATE_STARTING, "p0000", "STOPPED", "tries", "0"));
                t.onEvent(state(EventType.PROCESS_STATE_RUNNING, "p0000", "STARTING", "pid", "1"));
                t.onEvent(state(EventType.PROCESS_STATE_EXITED, "p0000", "RUNNING", "expected", "0", "pid", "1"));
                t.onEvent(state(EventType.PROCESS_STATE_STARTING, "p0000", "EXITED", "tries", "0"));
                t.onEvent(state(EventType.PROCESS_STATE_BACKOFF, "p0000", "STARTING", "tries", "1"));
                t.onEvent(state(EventType.PROCESS_STATE_STARTING, "p0000", "BACKOFF", "tries", "1"));
                Http.get(rest.api("/supervisor"));
                HttpResponse<String> r = Http.get(rest.url("/metrics"));
                assertEquals(200, r.statusCode());
                assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain;version=0.0.4"));
                Map<String, Object> families = parse(r.body());

                for (Map.Entry<String, Object> f : families.entrySet()) {
                    Map<String, Object> fam = (Map<String, Object>) f.getValue();
                    assertTrue(f.getKey().startsWith("jsupervisor_"), f.getKey());
                    assertTrue(!"unknown".equals(fam.get("type")), "TYPE line of " + f.getKey());
                    assertTrue(!((String) fam.get("help")).isEmpty(), "HELP line of " + f.getKey());
                }
                Map<String, Map<String, String>> oneHot = new HashMap<>();
                Map<String, Integer> ones = new HashMap<>();
                for (Object s : (List<Object>) ((Map<String, Object>) families.get("jsupervisor_process_state")).get("samples")) {
                    List<Object> sample = (List<Object>) s;
                    Map<String, String> labels = (Map<String, String>) sample.get(1);
                    String key = labels.get("group") + ":" + labels.get("name");
                    oneHot.computeIfAbsent(key, k -> new HashMap<>()).put(labels.get("state"), (String) sample.get(2));
                    if (sample.get(2).equals("1.0")) {
                        ones.merge(key, 1, Integer::sum);
                    }
                }
                assertEquals(1000, oneHot.size());
                assertEquals(1000, ones.size());
                assertTrue(ones.values().stream().allMatch(n -> n == 1), "exactly one state per process");
                assertEquals("1.0", oneHot.get("we\"ird\\:new\nline").get("FATAL"), "escaped labels survive");
                assertEquals("1.0", oneHot.get("g000:p0000").get("RUNNING"));

                assertEquals("counter", ((Map<String, Object>) families.get("jsupervisor_process_starts")).get("type"));
                assertEquals("3.0", value(families, "jsupervisor_process_starts", "jsupervisor_process_starts_total", "p0000"));
                assertEquals("2.0", value(families, "jsupervisor_process_restarts", "jsupervisor_process_restarts_total", "p0000"));
                assertEquals("3.0", value(families, "jsupervisor_process_tree_processes", "jsupervisor_process_tree_processes", "p0000"));
                assertEquals("0.0", value(families, "jsupervisor_process_tree_processes", "jsupervisor_process_tree_processes", "p0001"));
                double rss = Double.parseDouble(value(families, "jsupervisor_process_resident_memory_bytes",
                        "jsupervisor_process_resident_memory_bytes", "p0000"));
                assertTrue(rss > 3 * 100_000 && rss < 300_000_000, "three small processes: " + rss);
                assertEquals("100.0", value(families, "jsupervisor_process_uptime_seconds", "jsupervisor_process_uptime_seconds", "p0000"));

                Map<String, Object> hist = (Map<String, Object>) families.get("jsupervisor_http_request_duration_seconds");
                assertEquals("histogram", hist.get("type"));
                assertTrue(hist.get("samples").toString().contains("/api/v1/supervisor"));
                assertTrue(families.containsKey("jsupervisor_jvm_heap_used_bytes"));
                assertTrue(families.containsKey("jsupervisor_daemon_uptime_seconds"));
                assertTrue(families.containsKey("jsupervisor_jvm_threads"));
            }
        } finally {
            sh.descendants().forEach(ProcessHandle::destroy);
            sh.destroy();
        }
    }

    @SuppressWarnings("unchecked")
    private static String value(Map<String, Object> families, String family, String sample, String name) {
        for (Object s : (List<Object>) ((Map<String, Object>) families.get(family)).get("samples")) {
            List<Object> l = (List<Object>) s;
            if (l.get(0).equals(sample) && name.equals(((Map<String, String>) l.get(1)).get("name"))) {
                return (String) l.get(2);
            }
        }
        throw new AssertionError("no " + sample + " for " + name);
    }
}
