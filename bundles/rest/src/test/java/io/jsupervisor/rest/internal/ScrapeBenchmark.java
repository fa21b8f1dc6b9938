package io.jsupervisor.rest.internal;

import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.core.internal.ProcMeter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Not a test: the cost of one {@code /metrics} render with N (default 1,000) real running programs,
 * each a live {@code sleep} (so the /proc pass and the tree sums do real work).
 * Run: {@code java -cp <test classpath> io.jsupervisor.rest.internal.ScrapeBenchmark [N]}.
 */
public final class ScrapeBenchmark {
    private ScrapeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Process sh = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt " + n + " ]; do sleep 600 & i=$((i+1)); done; wait").start();
        Path children = Path.of("/proc/" + sh.pid() + "/task/" + sh.pid() + "/children");
        String[] pids;
        long deadline = System.nanoTime() + 60_000_000_000L;
        do {
            pids = Files.readString(children).trim().split(" ");
        } while (pids.length < n && System.nanoTime() < deadline);
        try {
            List<ProcessInfo> infos = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                infos.add(FakeProcessManager.process(String.format("g%03d", i / 10), String.format("p%04d", i),
                        ProcessState.RUNNING, Integer.parseInt(pids[i])));
            }
            FakeProcessManager pm = new FakeProcessManager().with(infos.toArray(ProcessInfo[]::new));
            try (Telemetry t = new Telemetry(pm)) {
                MetricsRenderer r = new MetricsRenderer(pm, t, new ProcMeter(Path.of("/proc")));
                int size = 0;
                for (int i = 0; i < 20; i++) {
                    size = r.render().length(); // warm-up
                }
                int runs = 50;
                long[] took = new long[runs];
                long[] procOnly = new long[runs];
                long[] cpu = new long[runs];
                java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
                int procs = 0;
                for (int i = 0; i < runs; i++) {
                    long c0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    r.render();
                    took[i] = System.nanoTime() - t0;
                    cpu[i] = threads.getCurrentThreadCpuTime() - c0;
                    t0 = System.nanoTime();
                    procs = new ProcMeter(Path.of("/proc")).snapshot().size();
                    procOnly[i] = System.nanoTime() - t0;
                }
                Arrays.sort(took);
                Arrays.sort(procOnly);
                Arrays.sort(cpu);
                System.out.printf("programs=%d machine processes=%d text=%d bytes%n", n, procs, size);
                System.out.printf("render: median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                        took[runs / 2] / 1e6, took[runs * 9 / 10] / 1e6, took[runs - 1] / 1e6);
                System.out.printf("render CPU time (user+system, this thread): median %.1f ms, p90 %.1f ms%n",
                        cpu[runs / 2] / 1e6, cpu[runs * 9 / 10] / 1e6);
                System.out.printf("load average: %s", Files.readString(Path.of("/proc/loadavg")));
                System.out.printf("/proc pass alone: median %.1f ms%n", procOnly[runs / 2] / 1e6);
            }
        } finally {
            sh.descendants().forEach(ProcessHandle::destroy);
            sh.destroy();
        }
    }
}
