package io.jsupervisor.itests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.XmlRpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fork failing at the process limit ({@code ulimit -u}, RLIMIT_NPROC). Root (and CAP_SYS_ADMIN/RESOURCE) ignores the
 * limit, so the daemon runs as a uid of its own with no passwd entry and no capabilities; the limit counts every
 * task of that uid, the daemon's JVM threads included, so it is set from their count, on the running daemon, by
 * prlimit run as that uid (lowering and raising a soft limit needs no privilege; root without CAP_SYS_RESOURCE
 * may not change another user's limits at all).
 *
 * <p>Checked against supervisord 4.2.5 the same way: {@code start} answers SPAWN_ERROR, the main log has
 * {@code INFO spawnerr: Too many processes in process table to spawn 'victim'} once per attempt (3 with
 * startretries=2) and the gave-up line, FATAL. (The reference then spins in poll/wait4 and stopped answering
 * supervisorctl; JSupervisor keeps answering, which this test shows.)
 */
class ForkFailureTest {
    private static final String PROCESS_TABLE_FULL = "Too many processes in process table to spawn 'victim'";

    @TempDir
    Path dir;

    @Test
    void aForkAtTheProcessLimitFailsWithTheReferencesSpawnerrAndStartWorksOnceTheLimitIsRaised() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to run as another uid");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/setpriv"))
                && Files.isExecutable(Path.of("/usr/bin/prlimit")), "needs util-linux setpriv and prlimit");
        int uid = unusedUid();
        Files.setAttribute(dir, "unix:uid", uid);
        Files.setAttribute(dir, "unix:gid", uid);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> asUid = List.of("/usr/bin/setpriv", "--reuid=" + uid, "--regid=" + uid, "--clear-groups");
        try (Daemon daemon = new Daemon(dir, "", """
                [program:bystander]
                command = /bin/sleep 987671
                startsecs = 0

                [program:victim]
                command = /bin/sleep 987672
                autostart = false
                startsecs = 0
                startretries = 2
                """).start(asUid)) {
            daemon.awaitState("bystander", "RUNNING");
            long bystander = daemon.pidOf("bystander");
            long pid = daemon.pid();
            String soft = nprocSoft(pid);

            // below the uid's task count: neither a fork nor a new thread fits, even if some threads end meanwhile
            int limit = Math.max(1, tasksOf(uid) / 2);
            run(asUid, "/usr/bin/prlimit", "--pid", Long.toString(pid), "--nproc=" + limit + ":");
            assertEquals(Integer.toString(limit), nprocSoft(pid));
            try {
                String start = daemon.call("supervisor.startProcess", XmlRpc.stringParam("victim"));
                assertTrue(start.contains("<int>50</int>"), "SPAWN_ERROR, as the reference: " + start);
                daemon.awaitState("victim", "FATAL");
                String info = daemon.call("supervisor.getProcessInfo", XmlRpc.stringParam("victim"));
                assertEquals(PROCESS_TABLE_FULL, XmlRpc.member(info, "spawnerr").orElseThrow(), info);
                assertEquals(PROCESS_TABLE_FULL, XmlRpc.member(info, "description").orElseThrow(), info);
                String log = daemon.mainLog();
                assertEquals(3, count(log, " INFO spawnerr: " + Pattern.quote(PROCESS_TABLE_FULL) + "\n"), log);
                assertEquals(1, count(log, " INFO gave up: victim entered FATAL state, too many start retries too "
                        + "quickly\n"), log);
                assertEquals(0, count(log, "spawned: 'victim'"), log);
                // still serving, each call on a thread it already had; the other program untouched
                for (int i = 0; i < 20; i++) {
                    assertTrue(daemon.call("supervisor.getAllProcessInfo").contains("<string>FATAL</string>"));
                }
                assertTrue(daemon.call("supervisor.getState").contains("RUNNING"));
                assertEquals(bystander, daemon.pidOf("bystander"));
                assertTrue(ProcessHandle.of(bystander).map(ProcessHandle::isAlive).orElse(false));
            } finally {
                run(asUid, "/usr/bin/prlimit", "--pid", Long.toString(pid), "--nproc=" + soft + ":");
            }

            String start = daemon.call("supervisor.startProcess", XmlRpc.stringParam("victim"));
            assertTrue(start.contains("<boolean>1</boolean>"), start);
            daemon.awaitState("victim", "RUNNING");
            assertTrue(ProcessHandle.of(daemon.pidOf("victim")).map(ProcessHandle::isAlive).orElse(false));
            assertEquals(1, count(daemon.mainLog(), "spawned: 'victim' with pid \\d+"));
            assertEquals(bystander, daemon.pidOf("bystander"));
        }
    }

    /** A uid of this helper's range with no passwd entry and no task, so nothing else counts towards its limit. */
    private static int unusedUid() throws IOException {
        String passwd = Files.readString(Path.of("/etc/passwd"));
        for (int uid = 19750; uid < 19800; uid++) {
            if (!passwd.contains(":" + uid + ":") && tasksOf(uid) == 0) {
                return uid;
            }
        }
        throw new AssertionError("no free uid in 19750-19799");
    }

    /** Every task (thread) whose real uid is {@code uid}: what RLIMIT_NPROC counts. */
    private static int tasksOf(int uid) throws IOException {
        int n = 0;
        List<Path> tasks = new ArrayList<>();
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try (var ts = Files.list(p.resolve("task"))) {
                    tasks.addAll(ts.toList());
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
        }
        for (Path t : tasks) {
            try {
                for (String line : Files.readAllLines(t.resolve("status"))) {
                    if (line.startsWith("Uid:") && line.split("\\s+")[1].equals(Integer.toString(uid))) {
                        n++;
                    }
                }
            } catch (IOException e) {
                // gone meanwhile
            }
        }
        return n;
    }

    /** The soft "Max processes" of a process, as prlimit takes it ("unlimited" or a number). */
    private static String nprocSoft(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/limits"))) {
            if (line.startsWith("Max processes")) {
                return line.substring("Max processes".length()).trim().split("\\s+")[0];
            }
        }
        throw new AssertionError("no Max processes in /proc/" + pid + "/limits");
    }

    private static void run(List<String> prefix, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(prefix);
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "prlimit ended");
        assertEquals(0, p.exitValue(), out);
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }
}
