package io.jsupervisor.itests.extras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
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
 * The restart options and environment_file through the real bin/supervisord: the same file loads in the
 * reference (which ignores them), a manual stop survives {@code supervisor.restart()} (what reload and SIGHUP
 * do), the env files reach the child, and a missing env file stops the daemon at start with its place.
 */
class RestartOptionsDaemonTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    private Path config(int port, String programs) throws IOException {
        return Distribution.writeConfig(dir, port, "", "[supervisord]\nenvironment_file = %(here)s/global.env\n"
                + programs);
    }

    @Test
    void aManualStopSurvivesARestartAndTheEnvFilesReachTheChild() throws Exception {
        Files.writeString(dir.resolve("global.env"), "FROM_GLOBAL=g\n");
        Files.writeString(dir.resolve("web.env"), "# web settings\nexport FROM_FILE='file value'\nBOTH=file\n");
        int port = Distribution.freePort();
        Path conf = config(port, """
                [program:web]
                command = /bin/sh -c 'env > %s/env.out; exec sleep 60'
                startsecs = 0
                environment_file = %%(here)s/web.env
                environment = BOTH="option"
                remember_stopped = true
                backoff = exponential
                backoff_max = 30
                retry_forever = true
                restart_pause = 1

                [program:other]
                command = sleep 60
                startsecs = 0
                """.formatted(dir));
        assertEquals("['other', 'web']", python("""
                from supervisor.options import ServerOptions
                o = ServerOptions()
                o.realize(['-c', '%s'])
                print(sorted(g.name for g in o.process_group_configs))""".formatted(conf)),
                "the reference loads the same file");

        Process daemon = new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
        try {
            String rpc = "import xmlrpc.client\ns = xmlrpc.client.ServerProxy('http://127.0.0.1:" + port + "/RPC2')\n";
            Poll.until(WAIT, "both RUNNING", () -> ok(() -> python(rpc
                    + "print(sorted(i['statename'] for i in s.supervisor.getAllProcessInfo()))"))
                    .filter("['RUNNING', 'RUNNING']"::equals));
            List<String> env = Poll.until(WAIT, "the child's environment", () -> ok(() ->
                    Files.readAllLines(dir.resolve("env.out"))).filter(l -> l.contains("BOTH=option")));
            assertTrue(env.containsAll(List.of("FROM_GLOBAL=g", "FROM_FILE=file value", "BOTH=option")), env.toString());

            String otherPid = python(rpc + "print(s.supervisor.getProcessInfo('other')['pid'])");
            assertEquals("True True", python(rpc + "print(s.supervisor.stopProcess('web'), s.supervisor.restart())"));
            Poll.until(WAIT, "other restarted", () -> ok(() -> python(rpc
                    + "i = s.supervisor.getProcessInfo('other')\nprint(i['statename'], i['pid'])"))
                    .filter(a -> a.startsWith("RUNNING ") && !a.equals("RUNNING " + otherPid)));
            assertEquals("STOPPED", python(rpc + "print(s.supervisor.getProcessInfo('web')['statename'])"));
            assertTrue(Files.readString(dir.resolve("supervisord.log"))
                    .contains("kept web stopped across the restart (remember_stopped)"));
        } finally {
            daemon.destroy();
            daemon.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aMissingEnvironmentFileStopsTheDaemonNamingSectionOptionAndFile() throws Exception {
        Files.writeString(dir.resolve("global.env"), "A=1\n");
        Path conf = config(Distribution.freePort(), """
                [program:web]
                command = sleep 60
                environment_file = %(here)s/missing.env
                """);
        Process daemon = new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", conf.toString())
                .redirectErrorStream(true).start();
        assertTrue(daemon.waitFor(90, TimeUnit.SECONDS), "the daemon gives up at once");
        String out = new String(daemon.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertNotEquals(0, daemon.exitValue(), out);
        assertTrue(out.contains("[program:web] environment_file: cannot read '" + dir.resolve("missing.env")
                + "': No such file or directory (file: '" + conf + "')"), out);
    }

    private interface Probe<T> {
        T get() throws Exception;
    }

    private static <T> Optional<T> ok(Probe<T> probe) {
        try {
            return Optional.ofNullable(probe.get());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static String python(String code) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", code).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
