package io.jsupervisor.bench;

import io.jsupervisor.config.ConfigLoader;
import io.jsupervisor.config.LoadContext;
import io.jsupervisor.config.SupervisorConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/** Reading a supervisord.conf of N programs, as start-up, reread and reload do. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ConfigParseBenchmark {
    @Param({"1000"})
    int programs;

    private Path dir;
    private Path file;

    @Setup
    public void writeConfig() throws IOException {
        dir = Files.createTempDirectory("jsv-bench-config");
        file = BenchConfigs.write(dir, programs);
    }

    @TearDown
    public void removeConfig() throws IOException {
        BenchConfigs.delete(dir);
    }

    @Benchmark
    public SupervisorConfig load() throws Exception {
        return ConfigLoader.load(file, LoadContext.ofSystem());
    }
}
