package io.jsupervisor.itests.ctl2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One running distribution, driven by our bin/supervisorctl and by the reference's /usr/bin/supervisorctl with
 * the same arguments: the output (stdout and stderr together) and the exit status must be the same, for every
 * command and its error cases. Compared after removing what cannot be equal: the program name in usage texts,
 * Python's {@code : file: … line: …} suffix on unhandled errors, and uptimes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SupervisorctlParityTest {
    private static final Path REFERENCE = Path.of("/usr/bin/supervisorctl");
    private static final Duration START = Duration.ofSeconds(90);

    private Path dir;
    private Path conf;
    private Path socket;
    private int port;
    private Process daemon;

    /** What one client run printed and returned. */
    record Run(String output, int status) {
    }

    @BeforeAll
    void startDaemon() throws Exception {
        assumeTrue(Files.isExecutable(REFERENCE), "the reference supervisorctl is installed");
        dir = Files.createTempDirectory("ctl2-parity");
        socket = dir.resolve("sv.sock");
        port = Distribution.freePort();
        conf = Distribution.writeConfig(dir, port, "username = user\npassword = 123\n\n[unix_http_server]\nfile = "
                + socket + "\n\n[supervisorctl]\nserverurl = unix://" + socket, """
                [program:sleeper]
                command = /bin/sleep 987621
                startsecs = 0

                [program:echoer]
                command = /bin/sh -c 'echo hello out; echo hello err >&2; exec /bin/sleep 987622'
                startsecs = 0

                [program:manual]
                command = /bin/sleep 987623
                autostart = false

                [group:grp]
                programs = sleeper,manual
                """);
        daemon = new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", conf.toString())
                .directory(dir.toFile()).redirectOutput(dir.resolve("daemon.out").toFile())
                .redirectErrorStream(true).start();
        Poll.until(START, "echoer and grp:sleeper RUNNING", () -> {
            Run status = ours(withConf("status"));
            return status.output().contains("echoer") && status.output().split("RUNNING", -1).length == 3
                    ? Optional.of(true) : Optional.empty();
        });
    }

    @AfterAll
    void stopDaemon() throws Exception {
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    private Run ours(String... args) {
        return run(Distribution.home().resolve("bin/supervisorctl"), args);
    }

    private Run reference(String... args) {
        return run(REFERENCE, args);
    }

    private Run run(Path program, String... args) {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not end");
            }
            return new Run(normalize(new String(output, StandardCharsets.UTF_8), program), process.exitValue());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(command + " failed to run", e);
        }
    }

    private static String normalize(String output, Path program) {
        return output.replace(program.toString(), "PROG")
                .replaceAll("(?m): file: \\S+ line: \\d+$", "")
                .replaceAll("uptime \\d+:\\d\\d:\\d\\d", "uptime X");
    }

    /** Runs the same arguments through both clients (ours first) and compares. */
    private void same(String... args) {
        Run mine = ours(args);
        Run theirs = reference(args);
        assertEquals(theirs, mine, "supervisorctl " + String.join(" ", args));
    }

    /**
     * A group or "all" result in line order made canonical: our daemon lists the processes of a stop in the order
     * they finished, the reference in its own order (a server matter, reported to core); the client prints
     * what it gets either way.
     */
    private static Run sorted(Run run) {
        List<String> lines = new ArrayList<>(List.of(run.output().split("\n")));
        java.util.Collections.sort(lines);
        return new Run(String.join("\n", lines) + "\n", run.status());
    }

    private String[] withConf(String... args) {
        List<String> all = new ArrayList<>(List.of("-c", conf.toString()));
        all.addAll(List.of(args));
        return all.toArray(String[]::new);
    }

    @Test
    @Order(1)
    void readOnlyCommandsAndTheirErrorsMatch() {
        for (String line : List.of("status", "status nosuch", "status grp:*", "status nosuch:*", "status echoer nosuch",
                "pid", "pid all", "pid nosuch", "pid manual", "avail", "avail x", "version", "version x", "help",
                "help tail", "help nosuch", "help fg", "?status", "bogus", "bogus thing", "", "tail echoer",
                "tail echoer stderr", "tail -5 echoer", "tail nosuch", "tail echoer bad", "tail -x echoer", "tail",
                "tail a b c d", "maintail x y", "maintail -x", "tail -f nosuch", "start", "start nosuch",
                "start nosuch:*", "start echoer", "stop", "stop nosuch", "stop manual", "stop nosuch:*",
                "restart", "signal", "signal HUP", "signal BOGUS echoer", "signal HUP manual", "signal HUP nosuch:*",
                "clear", "clear nosuch", "add nosuch", "remove nosuch", "remove echoer", "update nosuch", "reread",
                "reread x", "reload x", "shutdown x", "fg", "fg a b", "fg nosuch", "fg manual", "open ftp://x",
                "open", "quit", "exit", "EOF", "help quit")) {
            same(withConf(line.isEmpty() ? new String[0] : line.split(" ")));
        }
    }

    @Test
    @Order(2)
    void stateChangesReadTheSameFromBothClients() {
        // each change is made once by each client, so both see the same before-state
        Run stopMine = ours(withConf("stop", "grp:sleeper"));
        Run startTheirs = reference(withConf("start", "grp:sleeper"));
        Run stopTheirs = reference(withConf("stop", "grp:sleeper"));
        Run startMine = ours(withConf("start", "grp:sleeper"));
        assertEquals(stopTheirs, stopMine);
        assertEquals(startTheirs, startMine);
        assertEquals(new Run("grp:sleeper: stopped\n", 0), stopMine);

        // the whole group running, so a group stop acts on the same processes for both
        ours(withConf("start", "grp:manual"));
        Run groupStopMine = ours(withConf("stop", "grp:*"));
        Run groupStartTheirs = reference(withConf("start", "grp:*"));
        Run groupStopTheirs = reference(withConf("stop", "grp:*"));
        Run groupStartMine = ours(withConf("start", "grp:*"));
        assertEquals(sorted(groupStopTheirs), sorted(groupStopMine));
        assertEquals(sorted(groupStartTheirs), sorted(groupStartMine));

        assertEquals(reference(withConf("restart", "echoer")), ours(withConf("restart", "echoer")));
        // CONT leaves sleep running: a killing signal would restart it and the status below would race its backoff
        assertEquals(reference(withConf("signal", "CONT", "grp:manual")),
                ours(withConf("signal", "CONT", "grp:manual")));
        assertEquals(reference(withConf("clear", "echoer")), ours(withConf("clear", "echoer")));
        same(withConf("status"));
        Run stopAllMine = ours(withConf("stop", "all"));
        Run startAllTheirs = reference(withConf("start", "all"));
        Run stopAllTheirs = reference(withConf("stop", "all"));
        Run startAllMine = ours(withConf("start", "all"));
        assertEquals(sorted(stopAllTheirs), sorted(stopAllMine));
        assertEquals(sorted(startAllTheirs), sorted(startAllMine));
        // remove and add need a stopped group
        ours(withConf("stop", "grp:*"));
        Run removeMine = ours(withConf("remove", "grp"));
        Run addTheirs = reference(withConf("add", "grp"));
        reference(withConf("stop", "grp:*"));
        Run removeTheirs = reference(withConf("remove", "grp"));
        Run addMine = ours(withConf("add", "grp"));
        assertEquals(removeTheirs, removeMine);
        assertEquals(addTheirs, addMine);
        same(withConf("add", "grp"));
        same(withConf("update"));
        same(withConf("avail"));
    }

    @Test
    @Order(3)
    void wrongPasswordAndBadOptionsMatch() {
        String inet = "http://127.0.0.1:" + port;
        same("-s", inet, "-u", "user", "-p", "wrong", "status");
        same("-s", inet, "status");
        same("-s", inet, "-u", "user", "-p", "123", "status");
        same("-s", inet, "-u", "user", "-p", "123", "tail", "-f", "nosuch");
        same("-x");
        same("-c");
        same("--h");
        same("-h");
        same("-s", "foo", "status");
        same("-s", "ftp://x", "status");
        same("-c", dir.resolve("missing.conf").toString(), "status");
        same("-s", inet, "-s", inet, "status");
    }

    @Test
    @Order(4)
    void daemonDownMatches() throws Exception {
        int closed = Distribution.freePort();
        String refused = "http://127.0.0.1:" + closed;
        for (String line : List.of("status", "avail", "shutdown", "reread", "start all", "tail -f echoer", "version")) {
            List<String> args = new ArrayList<>(List.of("-s", refused));
            args.addAll(List.of(line.split(" ")));
            same(args.toArray(String[]::new));
            List<String> unix = new ArrayList<>(List.of("-s", "unix://" + dir.resolve("nosuch.sock")));
            unix.addAll(List.of(line.split(" ")));
            same(unix.toArray(String[]::new));
        }
        // ours shuts the daemon down; then both see it gone
        assertEquals(new Run("Shut down\n", 0), ours(withConf("shutdown")));
        assertEquals(true, daemon.waitFor(90, TimeUnit.SECONDS), "the daemon stops");
        same(withConf("status"));
        same(withConf("shutdown"));
    }
}
