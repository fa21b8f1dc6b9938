package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessState;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The reply body of {@code supervisor.getAllProcessInfo} at N processes, from the engine's snapshot to bytes,
 * and the parse of a request. Lives in rpc-xml's internal package to reach its codec (bench is never a bundle).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class GetAllProcessInfoBenchmark {
    private static final byte[] MULTICALL = ("<?xml version='1.0'?><methodCall><methodName>system.multicall"
            + "</methodName><params><param><value><array><data><value><struct><member><name>methodName</name>"
            + "<value><string>supervisor.getProcessInfo</string></value></member><member><name>params</name>"
            + "<value><array><data><value><string>web:web_00</string></value></data></array></value></member>"
            + "</struct></value></data></array></value></param></params></methodCall>").getBytes();

    @Param({"1000"})
    int processes;

    private final XmlRpcCodec codec = new XmlRpcCodec();
    private List<ProcessInfo> snapshot;

    @Setup
    public void snapshot() {
        snapshot = new ArrayList<>();
        long now = System.currentTimeMillis() / 1000;
        for (int i = 0; i < processes; i++) {
            String name = String.format("p%04d", i);
            snapshot.add(new ProcessInfo(name, name, now - 3600, 0, now, ProcessState.RUNNING, "", 0,
                    "/var/log/supervisor/" + name + "-stdout---supervisor-abc123.log",
                    "/var/log/supervisor/" + name + "-stderr---supervisor-abc123.log", 10_000 + i,
                    "pid " + (10_000 + i) + ", uptime 1:00:00"));
        }
    }

    @Benchmark
    public byte[] encodeReply() throws Exception {
        return codec.response(Wire.of(snapshot.stream().map(SupervisorNamespace::processInfo).toList()));
    }

    @Benchmark
    public Object parseMulticall() throws Exception {
        return codec.parse(MULTICALL);
    }
}
