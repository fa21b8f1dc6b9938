package io.jsupervisor.itests.extras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * healthcheck in the real distribution: a hung HTTP server restarted, the health events at a protocol listener,
 * jsupervisor.getHealth, bin/supervisorctl status --health; and the reference loads the same program section.
 */
class HealthCheckDaemonTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String PYTHON = "/usr/bin/python3";
    /** Writes every event it gets (header line and payload) to the file named by its argument. */
    private static final String LISTENER = """
            import sys
            out = open(sys.argv[1], 'a')
            while True:
                sys.stdout.write('READY\\n'); sys.stdout.flush()
                header = sys.stdin.readline()
                fields = dict(t.split(':', 1) for t in header.split())
                payload = sys.stdin.read(int(fields['len']))
                out.write(fields['eventname'] + '|' + payload + '\\n'); out.flush()
                sys.stdout.write('RESULT 2\\nOK'); sys.stdout.flush()
            """;

    @TempDir
    Path dir;

    private String program(int webPort) {
        return """
                [program:web]
                command = %s -m http.server %d --bind 127.0.0.1
                directory = %s
                stopwaitsecs = 2
                healthcheck = http://127.0.0.1:%d/
                healthcheck_interval = 0.5
                healthcheck_timeout = 1
                healthcheck_retries = 2
                healthcheck_action = restart
                """.formatted(PYTHON, webPort, dir, webPort);
    }

    @Test
    void aHungServerIsRestartedAndEverySurfaceShowsIt() throws Exception {
        int port = Distribution.freePort();
        int webPort = Distribution.freePort();
        Files.writeString(dir.resolve("listener.py"), LISTENER);
        Path events = dir.resolve("events.txt");
        Path config = Distribution.writeConfig(dir, port, "", program(webPort) + """

                [supervisorctl]
                serverurl = http://127.0.0.1:%d

                [eventlistener:hl]
                command = %s %s/listener.py %s
                events = PROCESS_HEALTH
                """.formatted(port, PYTHON, dir, events));
        Process daemon = new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
        try {
            XmlRpc rpc = new XmlRpc(port);
            Poll.until(WAIT, "web healthy", () -> rpc.tryCall("jsupervisor.getHealth", XmlRpc.stringParam("web"))
                    .filter(a -> a.contains("<string>HEALTHY</string>")));
            String health = rpc.call("jsupervisor.getHealth", XmlRpc.stringParam("web"));
            assertEquals(Optional.of("HTTP 200"), XmlRpc.member(health, "lastresult"));

            List<String> withHealth = ctl(config, "status", "--health");
            assertTrue(withHealth.get(0).matches("hl +RUNNING   -         pid \\d+, uptime .*"), withHealth.toString());
            assertTrue(withHealth.get(1).matches("web +RUNNING   HEALTHY   pid \\d+, uptime .*"), withHealth.toString());
            assertTrue(ctl(config, "status").get(1).matches("web +RUNNING   pid \\d+, uptime .*"), "plain status");

            String info = rpc.call("supervisor.getProcessInfo", XmlRpc.stringParam("web"));
            String pid = XmlRpc.member(info, "pid").orElseThrow();
            long firstPid = Long.parseLong(pid.replaceAll("\\D", ""));
            assertEquals(0, new ProcessBuilder("/usr/bin/kill", "-s", "STOP", Long.toString(firstPid)).start().waitFor());
            Poll.until(WAIT, "web restarted and healthy again", () -> {
                Optional<String> i = rpc.tryCall("supervisor.getProcessInfo", XmlRpc.stringParam("web"));
                Optional<String> h = rpc.tryCall("jsupervisor.getHealth", XmlRpc.stringParam("web"));
                return i.filter(a -> a.contains("<string>RUNNING</string>")
                                && !XmlRpc.member(a, "pid").orElse(pid).equals(pid))
                        .flatMap(a -> h.filter(b -> b.contains("<string>HEALTHY</string>")));
            });
            Poll.until(WAIT, "events at the listener", () -> read(events).lines()
                    .filter(l -> l.startsWith("PROCESS_HEALTH_")).count() >= 3);
            List<String> seen = read(events).lines().toList();
            assertEquals("PROCESS_HEALTH_HEALTHY|processname:web groupname:web from_state:STARTING pid:" + firstPid,
                    seen.get(0));
            assertEquals("HTTP 200", seen.get(1));
            assertEquals("PROCESS_HEALTH_UNHEALTHY|processname:web groupname:web from_state:HEALTHY pid:" + firstPid
                    + " failures:2", seen.get(2));
            assertEquals("timed out after 1 s", seen.get(3));
            assertTrue(read(dir.resolve("supervisord.log")).contains(
                    "unhealthy: web (timed out after 1 s; 2 failed checks in a row), restarting"));
        } finally {
            daemon.destroy();
            daemon.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** The reference ignores the options it does not know: the same program section runs there. */
    @Test
    void theReferenceLoadsTheHealthOptions() throws Exception {
        Path reference = Path.of("/usr/bin/supervisord");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(reference), "no reference supervisord");
        int port = Distribution.freePort();
        Path config = Distribution.writeConfig(dir, port, "", program(Distribution.freePort())
                + "healthcheck_start_period = 5\nhealthcheck_ready = true\n");
        Process daemon = new ProcessBuilder(reference.toString(), "-n", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("reference.out").toFile()).start();
        try {
            XmlRpc rpc = new XmlRpc(port);
            Poll.until(WAIT, "web RUNNING in the reference", () -> rpc.tryCall("supervisor.getProcessInfo",
                    XmlRpc.stringParam("web")).filter(a -> a.contains("<string>RUNNING</string>")));
            assertFalse(read(dir.resolve("reference.out")).contains("Error"));
        } finally {
            daemon.destroy();
            daemon.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> ctl(Path config, String... args) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of(Distribution.home().resolve("bin/supervisorctl").toString(),
                "-c", config.toString()));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out.lines().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
