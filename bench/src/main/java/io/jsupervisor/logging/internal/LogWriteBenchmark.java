package io.jsupervisor.logging.internal;

import io.jsupervisor.api.LogFileSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Child output into a log file: 64 KiB chunks of lines (what one pipe read gives a busy child), without rotation
 * and with the default rotation (50MB, 10 backups). Reported as MiB/s of chunks. Lives in logging's internal
 * package to reach its writer (bench is never a bundle).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class LogWriteBenchmark {
    private static final int CHUNK = 64 * 1024;

    @Param({"0", "52428800"})
    long maxbytes;

    private Path dir;
    private LogFiles files;
    private LogFileSpec spec;
    private final byte[] chunk = lines();

    @Setup(Level.Iteration)
    public void open() throws IOException {
        dir = Files.createTempDirectory("jsv-bench-log");
        files = new LogFiles(new WriteTrouble() {
            @Override
            public void failed(Path file, IOException cause) {
                throw new IllegalStateException(cause);
            }

            @Override
            public void recovered(Path file, long droppedBytes) {
            }
        }, System::nanoTime);
        spec = new LogFileSpec(dir.resolve("child.log"), maxbytes, 10, false);
        files.create(spec);
    }

    /** Every iteration starts from an empty directory, so the disk never fills. */
    @TearDown(Level.Iteration)
    public void close() throws IOException {
        files.closeAll();
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Benchmark
    public void write64KiB() {
        files.write(spec, chunk);
    }

    private static byte[] lines() {
        StringBuilder b = new StringBuilder(CHUNK);
        for (int i = 0; b.length() < CHUNK - 100; i++) {
            b.append("2026-11-24 12:00:00,000 INFO worker ").append(i).append(" handled request in 3 ms\n");
        }
        while (b.length() < CHUNK) {
            b.append('.');
        }
        return b.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
