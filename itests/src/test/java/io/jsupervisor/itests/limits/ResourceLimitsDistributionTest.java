package io.jsupervisor.itests.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * memory_limit and rlimit_* through the real bin/supervisord and its config reader; /metrics still reports the
 * process trees (the rest bundle now reads them through the core's ResourceMeter service).
 */
class ResourceLimitsDistributionTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void aHogIsRestartedByItsMemoryLimitRlimitsReachTheChildAndMetricsStillMeasureTrees() throws Exception {
        int port = Distribution.freePort();
        Path config = Distribution.writeConfig(dir, port, "", """
                [program:hog]
                command = /usr/bin/python3 -c 'x = b"x" * (150 << 20); import time; time.sleep(120)'
                startsecs = 0
                memory_limit = 50MB

                [program:limited]
                command = /bin/sh -c 'cat /proc/self/limits; exec sleep 120'
                startsecs = 0
                stdout_logfile = %s/limited.log
                rlimit_nofile = 777:888
                rlimit_core = 1MB
                """.formatted(dir));
        Process daemon = new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
        try {
            Path mainLog = dir.resolve("supervisord.log");
            List<Long> pids = Poll.until(WAIT, "hog spawned twice", () -> {
                Matcher m = Pattern.compile("spawned: 'hog' with pid (\\d+)").matcher(read(mainLog));
                List<Long> l = m.results().map(r -> Long.parseLong(r.group(1))).toList();
                return l.size() >= 2 ? Optional.of(l) : Optional.empty();
            });
            assertTrue(!pids.get(0).equals(pids.get(1)));
            assertTrue(read(mainLog).matches("(?s).* WARN hog: memory_limit 50MB exceeded \\(resident [0-9.]+MB\\); "
                    + "restarting\n.*"), read(mainLog));

            String limits = Poll.until(WAIT, "limited's /proc/self/limits", () -> {
                String s = read(dir.resolve("limited.log"));
                return s.contains("Max msgqueue size") ? Optional.of(s) : Optional.empty();
            });
            assertTrue(limits.matches("(?s).*Max open files\\s+777\\s+888\\s+files.*"), limits);
            assertTrue(limits.matches("(?s).*Max core file size\\s+1048576\\s+1048576\\s+bytes.*"), limits);

            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            Matcher rss = Pattern.compile("jsupervisor_process_resident_memory_bytes\\{name=\"limited\",group=\"limited\"} "
                    + "([0-9.eE+]+)").matcher(metrics.body());
            assertTrue(rss.find(), metrics.body());
            assertTrue(Double.parseDouble(rss.group(1)) > 100_000, rss.group());
        } finally {
            daemon.destroy();
            daemon.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
