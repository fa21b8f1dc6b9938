package io.jsupervisor.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.ProcessState;
import io.jsupervisor.config.GroupSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000 programs (override with {@code -Djsupervisor.scale=N}): all reach RUNNING while calls stay answered, all
 * stop in order, no zombie
 * and no child left; the daemon's threads and fds per child are counted and bounded (the design: 2 pipe readers
 * and the JDK's reaper thread, 3 pipe fds per running child). Prints the figures for docs.
 */
class ScaleTest {
    @TempDir
    Path dir;

    @Test
    void thousandProgramsReachRunningAndStopWithBoundedThreadsAndFdsPerChild() {
        int n = Integer.getInteger("jsupervisor.scale", 1000);
        GroupSpec[] groups = new GroupSpec[n];
        for (int i = 0; i < n; i++) {
            groups[i] = Specs.program(Specs.proc(String.format("p%04d", i), "sleep 600").startsecs(1));
        }
        System.gc();
        long threadsBefore = osThreads();
        long fdsBefore = fdCount();
        long rssBefore = rssKib();
        long t0 = System.nanoTime();
        try (Harness h = new Harness(Specs.config(dir, groups))) {
            long[] slowest = {0};
            Harness.await("all RUNNING", Duration.ofSeconds(300), () -> {
                long c0 = System.nanoTime();
                boolean all = h.pm.allProcessInfo().stream().allMatch(p -> p.state() == ProcessState.RUNNING);
                slowest[0] = Math.max(slowest[0], System.nanoTime() - c0);
                return all;
            });
            // the engine spawns in slices: calls are answered while hundreds of programs start
            System.out.printf("slowest allProcessInfo while starting: %d ms%n", slowest[0] / 1_000_000);
            assertTrue(slowest[0] < 5_000_000_000L, "slowest call " + slowest[0] / 1_000_000 + " ms");
            long started = System.nanoTime();
            long threads = osThreads() - threadsBefore;
            long fds = fdCount() - fdsBefore;
            System.gc();
            long rss = rssKib() - rssBefore;
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf("%d programs: all RUNNING after %d ms; +%d threads (%.2f per child); +%d fds "
                            + "(%.2f per child); +%d KiB RSS (%.1f KiB per child); heap in use %d MiB%n",
                    n, (started - t0) / 1_000_000, threads, threads / (double) n, fds, fds / (double) n,
                    rss, rss / (double) n, heap >> 20);
            assertTrue(threads <= 3 * n + 16, "threads per child: " + threads / (double) n);
            assertTrue(fds <= 3 * n + 16, "fds per child: " + fds / (double) n);
            assertEquals(n, h.pm.allProcessInfo().stream().map(p -> p.pid()).distinct().count());

            long s0 = System.nanoTime();
            h.engine.shutdown();
            Harness.await("ordered shutdown", Duration.ofSeconds(60), () -> {
                try {
                    return h.engine.awaitShutdown(1, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return false;
                }
            });
            System.out.printf("ordered shutdown of %d programs: %d ms%n", n, (System.nanoTime() - s0) / 1_000_000);
            assertEquals(List.of(), zombies(), "zombie children");
            // the pipe readers end with their children (the JDK keeps idle reaper threads for 60 s)
            Harness.await("pump threads ended", Duration.ofSeconds(20), () -> Thread.getAllStackTraces().keySet()
                    .stream().noneMatch(t -> t.getName().startsWith("jsupervisor-std")));
            Harness.await("pipes closed", Duration.ofSeconds(20), () -> fdCount() - fdsBefore < 16);
        }
    }

    /** Our children in state Z (the JDK reaps what it started: none expected). */
    static List<String> zombies() {
        String self = Long.toString(ProcessHandle.current().pid());
        try (Stream<Path> s = Files.list(Path.of("/proc"))) {
            return s.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .map(p -> {
                        try {
                            return Files.readString(p.resolve("stat"));
                        } catch (IOException e) {
                            return "";
                        }
                    })
                    .filter(stat -> {
                        int close = stat.lastIndexOf(')');
                        if (close < 0) {
                            return false;
                        }
                        String[] f = stat.substring(close + 2).split(" ");
                        return f.length > 1 && f[0].equals("Z") && f[1].equals(self);
                    })
                    .collect(Collectors.toList());
        } catch (IOException e) {
            return List.of();
        }
    }

    /** OS threads of this JVM (the JDK's reaper threads are not in our thread group). */
    private static long osThreads() {
        try (var s = Files.list(Path.of("/proc/self/task"))) {
            return s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long fdCount() {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static long rssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // unknown
        }
        return -1;
    }
}
