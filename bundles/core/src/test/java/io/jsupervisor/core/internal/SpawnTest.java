package io.jsupervisor.core.internal;

import static io.jsupervisor.core.internal.Specs.config;
import static io.jsupervisor.core.internal.Specs.proc;
import static io.jsupervisor.core.internal.Specs.program;
import static io.jsupervisor.core.internal.Specs.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.config.AutoRestart;
import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.LogLevel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a child gets: umask, directory, environment, PATH search, stdin, output. */
class SpawnTest {
    @TempDir
    Path dir;

    private static Specs.Proc once(String name, String script) {
        return proc(name, sh(script)).startsecs(0).autorestart(AutoRestart.FALSE);
    }

    @Test
    void umaskApplied() {
        try (Harness h = new Harness(config(dir, program(once("um", "umask").umask(077))))) {
            h.awaitState("um", ProcessState.EXITED, 5);
            h.await("output", Duration.ofSeconds(5), () -> !h.output("um", LogChannel.STDOUT).isEmpty());
            assertEquals("0077\n", h.output("um", LogChannel.STDOUT));
        }
    }

    @Test
    void userSwitchesUidGidAndGroups() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Spawner.ownUid() == 0, "needs root");
        try (Harness h = new Harness(config(dir, program(once("who", "id -u; id -g; echo $HOME").uid(65534))))) {
            h.awaitState("who", ProcessState.EXITED, 5);
            h.await("output", Duration.ofSeconds(5), () -> h.output("who", LogChannel.STDOUT).split("\n").length == 3);
            assertEquals("65534\n" + Spawner.primaryGid(65534) + "\n" + System.getenv("HOME") + "\n",
                    h.output("who", LogChannel.STDOUT));
        }
    }

    @Test
    void directoryApplied() {
        try (Harness h = new Harness(config(dir, program(once("wd", "pwd").directory(dir.toString()))))) {
            h.awaitState("wd", ProcessState.EXITED, 5);
            h.await("output", Duration.ofSeconds(5), () -> !h.output("wd", LogChannel.STDOUT).isEmpty());
            assertEquals(dir.toString() + "\n", h.output("wd", LogChannel.STDOUT));
        }
    }

    @Test
    void badDirectorySpawnsThenExits127IntoBackoff() {
        try (Harness h = new Harness(config(dir, program(proc("wd", "sleep 10").directory("/nonexistent-dir")
                .startretries(0))))) {
            h.awaitState("wd", ProcessState.FATAL, 5);
            h.awaitLog("exited: wd (exit status 127; not expected)", 2);
            h.await("stderr", Duration.ofSeconds(5), () -> h.output("wd", LogChannel.STDERR).contains("spawned"));
            assertEquals("supervisor: couldn't chdir to /nonexistent-dir: ENOENT\n"
                    + "supervisor: child process was not spawned\n", h.output("wd", LogChannel.STDERR));
        }
    }

    @Test
    void whatAChildWritesWhileItStopsIsCaptured() throws Exception {
        // stdout and stderr after the stop signal, in a TERM handler that takes a moment, as a server's goodbye
        try (Harness h = new Harness(config(dir, program(proc("polite",
                sh("trap 'sleep 0.2; echo goodbye; echo err-goodbye >&2; exit 0' TERM; echo ready; "
                        + "while :; do sleep 0.05; done")).startsecs(0))))) {
            h.awaitState("polite", ProcessState.RUNNING, 5);
            h.await("trap set", Duration.ofSeconds(5), () -> h.output("polite", LogChannel.STDOUT).contains("ready"));
            h.pm.stopProcess("polite", true).get();
            h.await("the goodbye", Duration.ofSeconds(5),
                    () -> h.output("polite", LogChannel.STDOUT).equals("ready\ngoodbye\n")
                            && h.output("polite", LogChannel.STDERR).equals("err-goodbye\n"));
            h.pm.startProcess("polite", true).get();
            h.await("trap set again", Duration.ofSeconds(5),
                    () -> h.output("polite", LogChannel.STDOUT).endsWith("goodbye\nready\n"));
            h.pm.stopProcess("polite", true).get(); // SIGTERM again: the second goodbye too
            h.await("the second goodbye", Duration.ofSeconds(5),
                    () -> h.output("polite", LogChannel.STDOUT).equals("ready\ngoodbye\nready\ngoodbye\n"));
        }
    }

    @Test
    void environmentPrecedence() {
        Map<String, String> global = Map.of("SUPERVISOR_ENABLED", "override", "A", "global", "B", "global");
        var s = Specs.supervisord(dir, LogLevel.INFO, global);
        var inet = List.of(new InetHttpServerSpec("inet_http_server", "", 9001, null, null),
                new InetHttpServerSpec("inet_http_server:2", "127.0.0.1", 9002, null, null));
        try (Harness h = new Harness(Specs.config(s, inet, dir, Specs.group("grp", 999,
                once("envy", "env").env("B", "program"))))) {
            h.awaitState("grp:envy", ProcessState.EXITED, 5);
            h.await("output", Duration.ofSeconds(5), () -> h.output("envy", LogChannel.STDOUT).contains("B="));
            List<String> lines = Arrays.asList(h.output("envy", LogChannel.STDOUT).split("\n"));
            assertTrue(lines.contains("SUPERVISOR_ENABLED=override"), lines::toString);
            assertTrue(lines.contains("A=global"));
            assertTrue(lines.contains("B=program"));
            assertTrue(lines.contains("SUPERVISOR_PROCESS_NAME=envy"));
            assertTrue(lines.contains("SUPERVISOR_GROUP_NAME=grp"));
            assertTrue(lines.contains("SUPERVISOR_SERVER_URL=http://127.0.0.1:9002"), "last inet server wins");
            assertTrue(lines.contains("PATH=" + System.getenv("PATH")), "daemon environment inherited");
        }
    }

    @Test
    void serverurlValueBeatsAutoAndAUnixServerBeatsTheInetOnes() {
        var s = Specs.supervisord(dir, LogLevel.INFO, Map.of());
        var inet = List.of(new InetHttpServerSpec("inet_http_server", "", 9001, null, null));
        var unix = List.of(new io.jsupervisor.config.UnixHttpServerSpec("unix_http_server", "/run/s.sock", 0700, -1,
                -1, null, null));
        var auto = Specs.proc("a", "true").build();
        var given = Specs.proc("g", "true").serverurl("http://example.org:7").build();
        var both = new io.jsupervisor.config.SupervisorConfig(dir.resolve("supervisord.conf"), s, inet, unix, null,
                List.of(), List.of(), List.of());
        var inetOnly = Specs.config(s, inet, dir);
        var none = Specs.config(dir);
        assertEquals("unix:///run/s.sock", ChildEnvironment.serverUrl(both, auto));
        assertEquals("http://localhost:9001", ChildEnvironment.serverUrl(inetOnly, auto));
        assertEquals(null, ChildEnvironment.serverUrl(none, auto));
        assertEquals("http://example.org:7", ChildEnvironment.serverUrl(both, given));
        assertEquals("http://example.org:7", ChildEnvironment.build(Map.of(), none, Map.of(), given).get("SUPERVISOR_SERVER_URL"));
        assertTrue(!ChildEnvironment.build(Map.of(), none, Map.of(), auto).containsKey("SUPERVISOR_SERVER_URL"));
    }

    @Test
    void pathSearchUsesConfiguredPath() throws Exception {
        Path bin = java.nio.file.Files.createDirectory(dir.resolve("bin"));
        Path tool = java.nio.file.Files.writeString(bin.resolve("mytool"), "#!/bin/sh\necho found-it\n");
        tool.toFile().setExecutable(true);
        try (Harness h = new Harness(config(dir, program(proc("t", "mytool").startsecs(0)
                .autorestart(AutoRestart.FALSE).env("PATH", bin + ":/bin:/usr/bin"))))) {
            h.awaitState("t", ProcessState.EXITED, 5);
            h.await("output", Duration.ofSeconds(5), () -> h.output("t", LogChannel.STDOUT).equals("found-it\n"));
        }
    }

    @Test
    void redirectStderrMergesStreams() {
        try (Harness h = new Harness(config(dir, program(once("r", "echo out; echo err >&2").redirectStderr(true))))) {
            h.awaitState("r", ProcessState.EXITED, 5);
            h.await("output", Duration.ofSeconds(5), () -> h.output("r", LogChannel.STDOUT).equals("out\nerr\n"));
            assertEquals("", h.output("r", LogChannel.STDERR));
        }
    }

    @Test
    void sendProcessStdinReachesChild() {
        try (Harness h = new Harness(config(dir, program(proc("cat", "cat").startsecs(0))))) {
            h.awaitState("cat", ProcessState.RUNNING, 5);
            h.pm.sendProcessStdin("cat", "hello\n".getBytes());
            h.await("echo", Duration.ofSeconds(5), () -> h.output("cat", LogChannel.STDOUT).equals("hello\n"));
        }
    }

    @Test
    void outputSinkGetsEveryByteInOrder() {
        // 20000 numbered lines, about 190 KB: many reads, one order
        try (Harness h = new Harness(config(dir, program(once("count", "seq 1 20000"))))) {
            h.awaitState("count", ProcessState.EXITED, 10);
            StringBuilder expected = new StringBuilder();
            for (int i = 1; i <= 20000; i++) {
                expected.append(i).append('\n');
            }
            h.await("all output", Duration.ofSeconds(10),
                    () -> h.output("count", LogChannel.STDOUT).length() >= expected.length());
            assertEquals(expected.toString(), h.output("count", LogChannel.STDOUT));
            long prev = 0;
            for (var c : h.chunks) {
                assertTrue(c.sequence() > prev, "sequences increase");
                prev = c.sequence();
            }
        }
    }

    @Test
    void outputWithoutSinkWaitsForOne() {
        try (Harness h = new Harness(config(dir, program(once("early", "echo early-bird"))))) {
            h.engine.output.sinks().remove(h.sink);
            h.awaitState("early", ProcessState.EXITED, 5);
            h.await("pumped", Duration.ofSeconds(5), () -> h.engine.output.sinks().pending() > 0);
            List<io.jsupervisor.api.OutputChunk> late = new java.util.concurrent.CopyOnWriteArrayList<>();
            h.engine.output.sinks().add(late::add, "late");
            h.await("late sink fed", Duration.ofSeconds(5),
                    () -> late.stream().anyMatch(c -> new String(c.data()).equals("early-bird\n")));
        }
    }

    @Test
    void sinkArrivingAfterAnotherStillGetsTheFirstOutput() {
        // the start-up order in Felix: the events bundle's sink is there first, the log files' sink later
        try (Harness h = new Harness(config(dir, program(once("first", "echo first-line"))))) {
            h.awaitState("first", ProcessState.EXITED, 5);
            h.await("taken by the present sink", Duration.ofSeconds(5),
                    () -> h.chunks.stream().anyMatch(c -> new String(c.data()).equals("first-line\n")));
            List<io.jsupervisor.api.OutputChunk> late = new java.util.concurrent.CopyOnWriteArrayList<>();
            h.engine.output.sinks().add(late::add, "late");
            h.await("late sink fed", Duration.ofSeconds(5),
                    () -> late.stream().anyMatch(c -> new String(c.data()).equals("first-line\n")));
        }
    }

    @Test
    void debugLevelCopiesOutputToMainLog() {
        var s = Specs.supervisord(dir, LogLevel.DEBUG, Map.of());
        try (Harness h = new Harness(Specs.config(s, List.of(), dir, program(once("talk", "echo hi"))))) {
            h.awaitLog("'talk' stdout output:\nhi\n", 5);
        }
    }

    @Test
    void autoLogFilesCreatedAndOldOnesCleaned() throws Exception {
        Path old = java.nio.file.Files.createFile(dir.resolve("x-stdout---supervisor-abcdefgh.log.3"));
        Path other = java.nio.file.Files.createFile(dir.resolve("x-stdout---otherid-abcdefgh.log"));
        List<io.jsupervisor.api.LogFileSpec> created = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Harness h = new Harness(config(dir, program(proc("auto", "sleep 5").autostart(false)
                .stdout(Specs.auto()))))) {
            h.engine.output.sinks().add(new io.jsupervisor.api.OutputSink() {
                @Override
                public void write(io.jsupervisor.api.OutputChunk chunk) {
                }

                @Override
                public void created(io.jsupervisor.api.LogFileSpec logFile) {
                    created.add(logFile);
                }
            }, "created-probe");
            h.awaitLog("supervisord started with pid " + ProcessHandle.current().pid(), 5);
            String path = h.info("auto").stdoutLogfile();
            assertTrue(path.matches(java.util.regex.Pattern.quote(dir.toString())
                    + "/auto-stdout---supervisor-[a-z0-9_]{8}\\.log"), path);
            assertTrue(java.nio.file.Files.exists(Path.of(path)));
            assertEquals("", h.info("auto").stderrLogfile());
            assertTrue(!java.nio.file.Files.exists(old) && java.nio.file.Files.exists(other));
            assertEquals(path, h.pm.processLogFile("auto", LogChannel.STDOUT).orElseThrow().toString());
        }
    }
}
