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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code update --changed-only} on the real distribution: after one program of a group changes, only that one is
 * restarted and its siblings keep their pids; programs added to and removed from a group; a bad file refused with
 * nothing touched; {@code jsupervisor.updateChangedOnly} over XML-RPC; {@code [supervisorctl] update_changed_only},
 * which the reference's supervisorctl still loads.
 */
class UpdateChangedOnlyTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path REFERENCE_CTL = Path.of("/usr/bin/supervisorctl");

    @TempDir
    Path dir;
    private int port;

    record Run(String output, int status) {
    }

    private static String program(String name, String command) {
        return """
                [program:%s]
                command = %s
                startsecs = 0
                stopwaitsecs = 5
                """.formatted(name, command);
    }

    private static String pool(int numprocs) {
        return """
                [program:pool]
                command = sleep 1006
                process_name = %%(program_name)s_%%(process_num)d
                numprocs = %d
                startsecs = 0
                """.formatted(numprocs);
    }

    private void writeConfig(String ctlExtra, String programs) throws IOException {
        Distribution.writeConfig(dir, port, "", "[supervisorctl]\nserverurl = http://127.0.0.1:" + port + "\n"
                + ctlExtra + "\n" + programs);
    }

    private Run ctl(Path program, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(program.toString(), "-c",
                dir.resolve("supervisord.conf").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        return new Run(out, p.exitValue());
    }

    private Run ours(String... args) throws Exception {
        return ctl(Distribution.home().resolve("bin/supervisorctl"), args);
    }

    private long pid(String namespec) throws Exception {
        return Long.parseLong(ours("pid", namespec).output().strip());
    }

    private void awaitRunning(String... namespecs) {
        Poll.until(WAIT, "RUNNING: " + String.join(", ", namespecs), () -> {
            try {
                String status = ours("status").output();
                for (String n : namespecs) {
                    if (!status.lines().anyMatch(l -> l.startsWith(n + " ") && l.contains("RUNNING"))) {
                        return Optional.empty();
                    }
                }
                return Optional.of(true);
            } catch (Exception e) {
                return Optional.empty();
            }
        });
    }

    private static String commandLine(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine()).orElse("");
    }

    @Test
    void onlyTheChangedProgramOfAGroupIsRestartedAndABadFileTouchesNothing() throws Exception {
        port = Distribution.freePort();
        String group = "[group:grp]\nprograms = a,b,c\n\n";
        writeConfig("", group + program("a", "sleep 1000") + program("b", "sleep 1001") + program("c", "sleep 1002")
                + program("solo", "sleep 1003") + pool(2));
        Process daemon = new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c",
                dir.resolve("supervisord.conf").toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("daemon.out").toFile()).start();
        try {
            awaitRunning("grp:a", "grp:b", "grp:c", "solo", "pool:pool_0", "pool:pool_1");
            long pool0 = pid("pool:pool_0");
            long a = pid("grp:a");
            long b = pid("grp:b");

            // b's command changes, c leaves the group, d joins it; solo goes, fresh comes; the pool grows by one
            writeConfig("", "[group:grp]\nprograms = a,b,d\n\n" + program("a", "sleep 1000")
                    + program("b", "sleep 2001") + program("d", "sleep 1004") + program("fresh", "sleep 1005")
                    + pool(3));
            Run update = ours("update", "--changed-only");

            assertEquals(new Run("""
                    solo: stopped
                    solo: removed process group
                    grp:c: removed process
                    grp:b: restarted
                    grp:d: added process
                    pool:pool_2: added process
                    fresh: added process group
                    """, 0), update);
            awaitRunning("grp:a", "grp:b", "grp:d", "fresh", "pool:pool_2");
            assertEquals(a, pid("grp:a"), "the unchanged sibling kept running");
            assertEquals(pool0, pid("pool:pool_0"), "numprocs itself is no change of the first processes");
            long newB = pid("grp:b");
            assertNotEquals(b, newB);
            assertTrue(commandLine(newB).contains("2001"), commandLine(newB));
            assertEquals(new Run("No config updates to processes\n", 0), ours("reread"));

            // a bad file: refused, nothing stopped or started
            Path conf = dir.resolve("supervisord.conf");
            String good = Files.readString(conf);
            Files.writeString(conf, good.replace("command = sleep 1000\n", "command = sleep 3000\nautostart = maybe\n"));
            Run bad = ours("update", "--changed-only");
            assertEquals(1, bad.status(), bad.output());
            assertTrue(bad.output().startsWith("ERROR: CANT_REREAD: "), bad.output());
            assertTrue(bad.output().contains("autostart"), bad.output());
            assertEquals(a, pid("grp:a"));
            assertEquals(newB, pid("grp:b"));

            // over XML-RPC, listed with its signature; a change of environment restarts that one process
            Files.writeString(conf, good.replace("command = sleep 1004\n", "command = sleep 1004\nenvironment = X=1\n"));
            long d = pid("grp:d");
            assertEquals("struct ['struct'] {'added_groups': [], 'removed_groups': [], 'restarted': ['grp:d'], "
                    + "'added_processes': [], 'removed_processes': []}", python("""
                    m = [x for x in s.system.listMethods() if x == 'jsupervisor.updateChangedOnly']
                    print(s.system.methodSignature(m[0])[0], s.system.methodSignature(m[0]),
                          s.jsupervisor.updateChangedOnly())"""));
            awaitRunning("grp:d");
            assertNotEquals(d, pid("grp:d"));
            assertEquals(a, pid("grp:a"));
            assertEquals(newB, pid("grp:b"));

            // [supervisorctl] update_changed_only makes plain update the finer one; the reference still loads it
            String next = Files.readString(conf).replace("command = sleep 1005\n", "command = sleep 2005\n")
                    .replace("[supervisorctl]\n", "[supervisorctl]\nupdate_changed_only = true\n");
            Files.writeString(conf, next);
            assertEquals(new Run("fresh: restarted\n", 0), ours("update"));
            assertEquals(a, pid("grp:a"));
            if (Files.isExecutable(REFERENCE_CTL)) {
                Run reference = ctl(REFERENCE_CTL, "pid", "grp:a");
                assertEquals(new Run(a + "\n", 0), reference, "the reference's supervisorctl reads this file");
            }
        } finally {
            daemon.destroy();
            daemon.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private String python(String code) throws Exception {
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", "import xmlrpc.client\n"
                + "s = xmlrpc.client.ServerProxy('http://127.0.0.1:" + port + "/RPC2')\n" + code)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }
}
