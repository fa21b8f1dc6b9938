package io.jsupervisor.core.internal;

import io.jsupervisor.api.ProcessState;
import io.jsupervisor.config.GroupSpec;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures the per-child cost with many programs. Not part of the normal run (the build machine is
 * shared): {@code mvn -pl bundles/core test -Dtest=ScaleTest -Djsupervisor.scale=300}.
 */
@EnabledIfSystemProperty(named = "jsupervisor.scale", matches = "\\d+")
class ScaleTest {
    @TempDir
    Path dir;

    @Test
    void manyProgramsStartAndStop() {
        int n = Integer.getInteger("jsupervisor.scale");
        GroupSpec[] groups = new GroupSpec[n];
        for (int i = 0; i < n; i++) {
            groups[i] = Specs.program(Specs.proc(String.format("p%04d", i), "sleep 600").startsecs(1));
        }
        int threadsBefore = Thread.activeCount();
        long t0 = System.nanoTime();
        try (Harness h = new Harness(Specs.config(dir, groups))) {
            Harness.await("all RUNNING", Duration.ofSeconds(120), () -> h.pm.allProcessInfo().stream()
                    .allMatch(p -> p.state() == ProcessState.RUNNING));
            long started = System.nanoTime();
            int threads = Thread.activeCount() - threadsBefore;
            long fds = fdCount();
            System.out.printf("%d programs: all RUNNING after %d ms; %d threads (%.2f per child); %d fds%n",
                    n, (started - t0) / 1_000_000, threads, threads / (double) n, fds);
            long s0 = System.nanoTime();
            h.engine.shutdown();
            Harness.await("shutdown", Duration.ofSeconds(120), () -> {
                try {
                    return h.engine.awaitShutdown(1, java.util.concurrent.TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return false;
                }
            });
            System.out.printf("ordered shutdown of %d programs: %d ms%n", n, (System.nanoTime() - s0) / 1_000_000);
        }
    }

    private static long fdCount() {
        try (var s = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
