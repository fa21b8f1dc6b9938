package io.jsupervisor.itests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the daemon itself and of its operators: the daemon killed with SIGKILL, every child killed at once,
 * a broken config reloaded, a changed one updated.
 */
class DaemonFaultsTest {
    @TempDir
    Path dir;

    /** Runs the reference's supervisorctl against the daemon's config; returns its output and exit status. */
    private static String ctl(Daemon daemon, String... command) throws Exception {
        List<String> argv = new java.util.ArrayList<>(List.of("/usr/bin/supervisorctl", "-c", daemon.config.toString()));
        argv.addAll(List.of(command));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out + "\nexit " + p.exitValue();
    }

    /** Live {@code sleep} processes with exactly this argument. */
    private static long sleeps(String argument) {
        return ProcessHandle.allProcesses().filter(h -> h.info().command().orElse("").endsWith("/sleep")
                && java.util.Arrays.equals(h.info().arguments().orElse(null), new String[] {argument})).count();
    }

    @Test
    void afterSigkillOfTheDaemonItsChildrenEndAndTheNextDaemonStartsCleanlyOverTheStaleFiles() throws Exception {
        Path socket = dir.resolve("supervisor.sock");
        String programs = """
                [unix_http_server]
                file = %s

                [supervisorctl]
                serverurl = unix://%s

                [program:one]
                command = /bin/sleep 987621
                startsecs = 0

                [program:two]
                command = /bin/sleep 987622
                startsecs = 0
                """.formatted(socket, socket);
        Daemon first = new Daemon(dir, "", programs).start();
        try {
            first.awaitRunning(2);
            List<Long> children = first.pids();
            first.process().destroyForcibly(); // SIGKILL: no shutdown code runs
            assertTrue(first.process().waitFor(30, TimeUnit.SECONDS));
            for (long pid : children) {
                Poll.until(Daemon.WAIT, "child " + pid + " to end with its daemon",
                        () -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
            }
            assertTrue(Files.exists(dir.resolve("supervisord.pid")), "the stale pidfile is left, as after any crash");
            assertTrue(Files.exists(socket), "the stale socket file is left");
        } finally {
            first.close();
        }

        Daemon second = new Daemon(dir, "", programs).start(); // same pidfile and socket, a new port
        try {
            second.awaitRunning(2);
            assertEquals(1, sleeps("987621"), "started once, not twice");
            assertEquals(1, sleeps("987622"));
            assertEquals(Long.toString(second.pid()), Files.readString(dir.resolve("supervisord.pid")).strip());
            String status = ctl(second, "status"); // over the socket that replaced the stale one
            assertTrue(status.matches("(?s)one\\s+RUNNING.*two\\s+RUNNING.*\nexit 0"), status);
        } finally {
            second.close();
        }
    }

    @Test
    void everyChildKilledAtOnceIsSeenAndRestartedWithoutZombies() throws Exception {
        int programs = Integer.getInteger("jsupervisor.reliability.programs", 100);
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < programs; i++) {
            config.append("[program:p%03d]\ncommand = /bin/sleep 98763%d\nstartsecs = 0\nautorestart = true\n\n"
                    .formatted(i, i));
        }
        try (Daemon daemon = new Daemon(dir, "", config.toString()).start()) {
            daemon.awaitRunning(programs);
            List<Long> before = daemon.pids();
            Process kill = new ProcessBuilder(before.stream().map(Object::toString)
                    .collect(java.util.stream.Collectors.toCollection(() -> new java.util.ArrayList<>(
                            List.of("/bin/kill", "-KILL"))))).start();
            assertEquals(0, kill.waitFor());
            Poll.until(Daemon.WAIT, "every program RUNNING again with a new pid", () -> {
                try {
                    List<Long> now = daemon.pids();
                    return now.size() == programs && now.stream().noneMatch(before::contains)
                            && daemon.call("supervisor.getAllProcessInfo").split("<string>RUNNING</string>", -1)
                            .length - 1 == programs;
                } catch (IOException | InterruptedException e) {
                    return false;
                }
            });
            Poll.until(Daemon.WAIT, "no zombie", () -> {
                try {
                    return daemon.zombies().isEmpty();
                } catch (IOException e) {
                    return false;
                }
            });
            String log = daemon.mainLog();
            assertEquals(programs, log.lines().filter(l -> l.contains("terminated by SIGKILL")).count(), "each exit seen");
        }
    }

    @Test
    void aBrokenConfigIsRefusedWithoutTouchingProgramsAndAnUpdateTouchesOnlyTheChangedGroup() throws Exception {
        String programs = """
                [program:kept]
                command = /bin/sleep 987641
                startsecs = 0

                [program:changed]
                command = /bin/sleep 987642
                startsecs = 0
                """;
        try (Daemon daemon = new Daemon(dir, "", programs).start()) {
            daemon.awaitRunning(2);
            long kept = daemon.pidOf("kept");
            long changed = daemon.pidOf("changed");
            String good = Files.readString(daemon.config);

            Files.writeString(daemon.config, good.replace("command = /bin/sleep 987642",
                    "command = /bin/sleep 987642\nstopsignal = NOPE"));
            String refused = ctl(daemon, "reread");
            assertTrue(refused.startsWith("ERROR: CANT_REREAD: ") && refused.contains("NOPE"), refused);
            assertEquals(kept, daemon.pidOf("kept"));
            assertEquals(changed, daemon.pidOf("changed"));

            Files.writeString(daemon.config, good.replace("/bin/sleep 987642", "/bin/sleep 987643"));
            String update = ctl(daemon, "update");
            assertEquals("changed: stopped\nchanged: updated process group\nexit 0", update);
            daemon.awaitState("changed", "RUNNING");
            assertEquals(kept, daemon.pidOf("kept"), "the unchanged group was not touched");
            assertNotEquals(changed, daemon.pidOf("changed"));
            assertFalse(ProcessHandle.of(changed).map(ProcessHandle::isAlive).orElse(false));
        }
    }
}
