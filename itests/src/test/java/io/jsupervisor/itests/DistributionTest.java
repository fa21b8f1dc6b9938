package io.jsupervisor.itests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real distribution as a user runs it: bin/supervisord as a child process, driven over HTTP and signals. */
class DistributionTest {
    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private final List<Long> pidsToReap = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
        pidsToReap.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        // a detached daemon this test started but never learnt the pid of: its command line names our temp dir
        ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(args -> String.join(" ", args).contains(dir.toString()))
                        .orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }

    private Path config(int port, String programs) throws IOException {
        return Distribution.writeConfig(dir, port, "", programs);
    }

    private Process start(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Distribution.supervisord().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile())
                .start();
        started.add(process);
        return process;
    }

    private String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8);
    }

    private static long runningPid(XmlRpc rpc, String name) {
        return Poll.until(Duration.ofSeconds(30), name + " RUNNING", () -> rpc.tryCall("supervisor.getProcessInfo",
                        XmlRpc.stringParam(name))
                .filter(answer -> XmlRpc.member(answer, "statename").orElse("").equals("RUNNING"))
                .flatMap(answer -> XmlRpc.member(answer, "pid")).map(Long::parseLong));
    }

    @Test
    void foregroundDaemonServesRpcAndStopsItsProgramsOnSigterm() throws Exception {
        int port = Distribution.freePort();
        Process daemon = start("-n", "-c", config(port, """
                [program:sleeper]
                command = /bin/sleep 987601
                startsecs = 0
                """).toString());
        XmlRpc rpc = new XmlRpc(port);
        long began = System.nanoTime();
        String state = Poll.until(START, "getState over XML-RPC", () -> rpc.tryCall("supervisor.getState"));
        System.out.printf("first getState answer after %d ms%n", (System.nanoTime() - began) / 1_000_000);
        assertEquals(Optional.of("RUNNING"), XmlRpc.member(state, "statename"), state);
        long child = runningPid(rpc, "sleeper");
        pidsToReap.add(child);

        daemon.destroy(); // SIGTERM
        assertTrue(daemon.waitFor(60, TimeUnit.SECONDS), "supervisord did not exit within 60 s of SIGTERM");
        assertEquals(0, daemon.exitValue(), "exit status after SIGTERM; stderr: " + stderr());
        Poll.until(Duration.ofSeconds(10), "program " + child + " gone",
                () -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void detachedDaemonReturnsOnceServingInItsOwnSessionDirectoryAndUmask() throws Exception {
        int port = Distribution.freePort();
        Path workdir = Files.createDirectories(dir.resolve("daemon-cwd"));
        Process command = start("-c", config(port, "").toString(), "-d", workdir.toString(), "-m", "027");
        assertTrue(command.waitFor(90, TimeUnit.SECONDS), "supervisord did not return");
        assertEquals(0, command.exitValue(), stderr());
        XmlRpc rpc = new XmlRpc(port);
        // it returned only once serving: the first call answers without waiting
        String answer = rpc.call("supervisor.getPID");
        long pid = Long.parseLong(answer.replaceAll("(?s).*<(?:int|i4)>(\\d+)</(?:int|i4)>.*", "$1"));
        pidsToReap.add(pid);
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        assertEquals(Long.toString(pid), fields[3], "the daemon leads its own session (setsid)");
        assertFalse(command.pid() == pid, "the command returned; the daemon is another process");
        assertEquals(workdir.toRealPath(), Path.of("/proc", Long.toString(pid), "cwd").toRealPath(),
                "directory= applies once detached");
        assertTrue(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).contains("Umask:\t0027"),
                "umask= applies once detached");

        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        Poll.until(Duration.ofSeconds(60), "daemon " + pid + " gone",
                () -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void badConfigIsRefusedWithExitTwoAndOneErrorLineBeforeAnythingStarts() throws Exception {
        int port = Distribution.freePort();
        Path conf = config(port, """
                [program:broken]
                command = /bin/true
                startsecs = ten
                """);
        Process daemon = start("-n", "-c", conf.toString());
        assertTrue(daemon.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, daemon.exitValue());
        List<String> lines = stderr().lines().toList();
        assertEquals(1, lines.stream().filter(l -> l.startsWith("Error: ")).count(), stderr());
        assertTrue(lines.get(0).startsWith("Error: ") && lines.get(0).contains("startsecs"), stderr());
        assertEquals("For help, use " + Distribution.supervisord() + " -h", lines.get(lines.size() - 1));
        assertFalse(Files.exists(dir.resolve("supervisord.pid")), "nothing may have started");
        assertTrue(new XmlRpc(port).tryCall("supervisor.getState").isEmpty(), "nothing may listen");
    }

    @Test
    void usageErrorsAndVersionFollowTheReference() throws Exception {
        Process twice = start("-n", "-n");
        assertTrue(twice.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, twice.exitValue());
        assertEquals(List.of("Error: conflicting command line option '-n'",
                "For help, use " + Distribution.supervisord() + " -h"), stderr().lines().toList());

        Process version = start("-v");
        assertTrue(version.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, version.exitValue());
        assertEquals("4.2.5\n", Files.readString(dir.resolve("stdout")));
    }

    @Test
    void secondInstanceOnTheSamePortIsRefused() throws Exception {
        int port = Distribution.freePort();
        Path conf = config(port, "");
        Process first = start("-n", "-c", conf.toString());
        XmlRpc rpc = new XmlRpc(port);
        Poll.until(START, "first instance serving", () -> rpc.tryCall("supervisor.getState"));
        Process other = new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", conf.toString())
                .redirectErrorStream(true).start();
        started.add(other);
        assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        String output = new String(other.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, other.exitValue(), output);
        assertTrue(output.startsWith("Error: "), output);
        assertTrue(first.isAlive(), "the first instance is untouched");
    }
}
