package io.jsupervisor.itests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart storm: a program crashing as fast as it can, writing 3 KB each run. What it must not do to the daemon:
 * grow its logs past the rotation bound, add more to the main log than the reference's lines for each run, cost
 * the daemon CPU out of proportion per restart, or touch other programs.
 */
class RestartStormTest {
    private static final int CYCLES = 150;
    /** Clock ticks per second in /proc/pid/stat: USER_HZ, 100 on every Linux architecture the daemon runs on. */
    private static final int USER_HZ = 100;
    private static final int MAXBYTES = 20 * 1024;
    private static final int BACKUPS = 2;
    /** One run's output (3,001 bytes) may land past maxbytes before the file is rotated. */
    private static final int OVERSHOOT = 4096;
    /**
     * Daemon CPU (user + system, all its threads) per restart: measured 7-12 ms on a 2-core box at load 20 (2 ms on the
     * engine thread, the rest in the output readers and the JDK's reaper, threads that live one run); a daemon that
     * spins or does work growing with each restart passes it.
     */
    private static final double CPU_MILLIS_PER_CYCLE = 50;
    /** The reference's lines per run: spawned, success (when seen RUNNING before the exit), exited. */
    private static final List<Pattern> CYCLE_LINES = List.of(
            Pattern.compile("\\S+ \\S+ INFO spawned: 'crasher' with pid \\d+"),
            Pattern.compile("\\S+ \\S+ INFO success: crasher entered RUNNING state, process has stayed up for > "
                    + "than 0 seconds \\(startsecs\\)"),
            Pattern.compile("\\S+ \\S+ WARN exited: crasher \\(exit status 3; not expected\\)"));

    @TempDir
    Path dir;

    private static boolean mainLogHas(Daemon daemon, String text) {
        try {
            return daemon.mainLog().contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void aCrashLoopKeepsLogsWithinTheirBoundsAndCostsTheDaemonLittlePerRestart() throws Exception {
        try (Daemon daemon = new Daemon(dir, "", """
                [program:crasher]
                command = /bin/sh -c 'printf "%%%%3000s\\n" boom; exit 3'
                startsecs = 0
                autorestart = true
                stdout_logfile_maxbytes = %d
                stdout_logfile_backups = %d

                [program:bystander1]
                command = /bin/sleep 987681
                startsecs = 0

                [program:bystander2]
                command = /bin/sleep 987682
                startsecs = 0
                """.formatted(MAXBYTES, BACKUPS)).start()) {
            daemon.awaitState("bystander1", "RUNNING");
            daemon.awaitState("bystander2", "RUNNING");
            long bystander1 = daemon.pidOf("bystander1");
            long bystander2 = daemon.pidOf("bystander2");
            awaitExits(daemon, 10); // past start-up and the first compilations
            // the web UI's warning (no credentials here) is the last line of start-up; it can come late on a busy
            // machine, and the window below must hold the storm's lines only
            Poll.until(Daemon.WAIT, "start-up logged", () -> mainLogHas(daemon, "WARN Web console off"));

            long cpu0 = cpuTicks(daemon.pid());
            int logStart = daemon.mainLog().length();
            long exits0 = exits(daemon.mainLog());
            awaitExits(daemon, exits0 + CYCLES);
            long cpu1 = cpuTicks(daemon.pid());
            String window = daemon.mainLog().substring(logStart);
            long cycles = exits(daemon.mainLog()) - exits0;

            // CPU per restart: a spinning loop or a leak growing with every restart would pass the ceiling
            double cpuMillisPerCycle = (cpu1 - cpu0) * 1000.0 / USER_HZ / cycles;
            assertTrue(cpuMillisPerCycle < CPU_MILLIS_PER_CYCLE,
                    "daemon CPU per restart: " + cpuMillisPerCycle + " ms over " + cycles + " restarts");

            // the main log: only the reference's lines for each run, each once
            String[] lines = window.substring(0, window.lastIndexOf('\n')).split("\n");
            long spawned = 0;
            long exited = 0;
            for (String line : lines) {
                assertTrue(CYCLE_LINES.stream().anyMatch(p -> p.matcher(line).matches()), "unexpected line: " + line);
                spawned += CYCLE_LINES.get(0).matcher(line).matches() ? 1 : 0;
                exited += CYCLE_LINES.get(2).matcher(line).matches() ? 1 : 0;
            }
            assertTrue(Math.abs(spawned - exited) <= 1, spawned + " spawned, " + exited + " exited");
            assertTrue(lines.length <= 3 * exited + 3, lines.length + " lines for " + exited + " restarts");

            String stop = daemon.call("supervisor.stopProcess", XmlRpc.stringParam("crasher"));
            assertTrue(stop.contains("<boolean>1</boolean>") || stop.contains("<int>70</int>"), stop);
            daemon.awaitState("crasher", "STOPPED");

            // the process log: rotated, never more than maxbytes × (backups + 1) on disk
            List<Path> logs;
            try (var files = Files.list(dir)) {
                logs = files.filter(p -> p.getFileName().toString().startsWith("crasher-stdout")).sorted().toList();
            }
            assertEquals(BACKUPS + 1, logs.size(), "the log and its backups: " + logs);
            long total = 0;
            for (Path log : logs) {
                long size = Files.size(log);
                assertTrue(size <= MAXBYTES + OVERSHOOT, log + ": " + size + " bytes");
                total += size;
            }
            assertTrue(total <= (long) (MAXBYTES + OVERSHOOT) * (BACKUPS + 1), total + " bytes in " + logs);
            assertTrue(total >= MAXBYTES, "the logs hold the last output: " + total);

            // the others untouched
            assertEquals(bystander1, daemon.pidOf("bystander1"));
            assertEquals(bystander2, daemon.pidOf("bystander2"));
            String log = daemon.mainLog();
            assertEquals(1, count(log, "spawned: 'bystander1'"));
            assertEquals(1, count(log, "spawned: 'bystander2'"));
        }
    }

    /** Waits reading the main log; the RPC is asked about once a second, so that it adds little to the CPU. */
    private static void awaitExits(Daemon daemon, long atLeast) {
        int[] probes = {0};
        Poll.until(Daemon.WAIT, atLeast + " exits of crasher", () -> {
            try {
                if (probes[0]++ % 20 == 0) {
                    assertTrue(daemon.call("supervisor.getState").contains("RUNNING"), "answering all along");
                }
                return exits(daemon.mainLog()) >= atLeast;
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("the daemon stopped answering", e);
            }
        });
    }

    private static long exits(String mainLog) {
        return count(mainLog, "exited: crasher \\(exit status 3; not expected\\)");
    }

    /** utime + stime of a process, in clock ticks (/proc/pid/stat fields 14 and 15). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields from the state on: 3 is f[0]
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }
}
