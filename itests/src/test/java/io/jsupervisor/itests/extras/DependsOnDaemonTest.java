package io.jsupervisor.itests.extras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code depends_on} through the real bin/supervisord and bin/supervisorctl: order, faults, refusals at load. */
class DependsOnDaemonTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private Path config(int port, String programs) throws IOException {
        return Distribution.writeConfig(dir, port, "", "[supervisorctl]\nserverurl = http://127.0.0.1:" + port
                + "\n\n" + programs);
    }

    private static String run(List<String> argv) throws Exception {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out + "\nexit " + p.exitValue();
    }

    private static String ctl(Path config, String... command) throws Exception {
        List<String> argv = new ArrayList<>(List.of(Distribution.home().resolve("bin/supervisorctl").toString(), "-c",
                config.toString()));
        argv.addAll(List.of(command));
        return run(argv);
    }

    private String mainLog() {
        try {
            return Files.readString(dir.resolve("supervisord.log"));
        } catch (IOException e) {
            return "";
        }
    }

    private void assertLogOrder(String... lines) {
        String log = mainLog();
        int at = -1;
        for (String line : lines) {
            int i = log.indexOf(line);
            assertTrue(i > at, line + " after the previous ones in\n" + log);
            at = i;
        }
    }

    private Process daemon(Path config) throws IOException {
        return new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
    }

    private static void stop(Process daemon) throws InterruptedException {
        daemon.destroy();
        if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
        }
    }

    @Test
    void aChainStartsInOrderStopsInReverseAndAFatalDependencyRefusesTheStart() throws Exception {
        int port = Distribution.freePort();
        // priorities alone would start c first and stop a first
        Path config = config(port, """
                [program:a]
                command = sleep 61
                startsecs = 2
                priority = 30
                [program:b]
                command = sleep 62
                depends_on = a
                priority = 20
                [program:c]
                command = sleep 63
                depends_on = b
                priority = 10
                [program:broken]
                command = false
                startretries = 0
                [program:needs-broken]
                command = sleep 64
                depends_on = broken
                startsecs = 0
                """);
        Process daemon = daemon(config);
        try {
            XmlRpc rpc = new XmlRpc(port);
            Poll.until(WAIT, "c RUNNING", () -> rpc.tryCall("supervisor.getProcessInfo", XmlRpc.stringParam("c"))
                    .filter(a -> a.contains("<string>RUNNING</string>")));
            assertLogOrder("success: a entered RUNNING", "spawned: 'b'", "success: b entered RUNNING", "spawned: 'c'");
            Poll.until(WAIT, "the autostart left undone", () -> mainLog().contains(
                    "WARN not starting needs-broken: dependency broken is FATAL"));

            assertEquals("needs-broken: ERROR (spawn error)\nexit 7", ctl(config, "start", "needs-broken"));
            assertTrue(mainLog().contains("WARN not starting needs-broken: dependency broken is FATAL"));
            String status = ctl(config, "status", "needs-broken");
            assertTrue(status.matches("(?s)needs-broken +STOPPED .*"), status);

            String stopped = ctl(config, "stop", "all");
            assertEquals("c: stopped\nb: stopped\na: stopped\nexit 0", stopped);
            assertLogOrder("stopped: c", "stopped: b", "stopped: a");
        } finally {
            stop(daemon);
        }
    }

    @Test
    void aCycleAndAnUnknownNameAreRefusedAtLoad() throws Exception {
        Path cycle = config(Distribution.freePort(), """
                [program:a]
                command = sleep 60
                depends_on = b
                [program:b]
                command = sleep 60
                depends_on = a
                """);
        String out = run(List.of(Distribution.supervisord().toString(), "-n", "-c", cycle.toString()));
        assertTrue(out.startsWith("Error: [program:a] depends_on: dependency cycle a -> b -> a (file: '" + cycle
                + "')\n"), out);
        assertTrue(out.endsWith("exit 2"), out);

        Path unknown = config(Distribution.freePort(), """
                [program:web]
                command = sleep 60
                depends_on = db
                """);
        out = run(List.of(Distribution.supervisord().toString(), "-n", "-c", unknown.toString()));
        assertTrue(out.startsWith("Error: [program:web] depends_on: unknown program db (file: '" + unknown + "')\n"),
                out);
        assertTrue(out.endsWith("exit 2"), out);
    }
}
