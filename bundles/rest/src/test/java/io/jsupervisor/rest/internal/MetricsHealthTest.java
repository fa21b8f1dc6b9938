package io.jsupervisor.rest.internal;

import static io.jsupervisor.rest.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.ProcessState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** jsupervisor_process_healthy: a sample per program with a health check; no family without one. */
class MetricsHealthTest {
    private volatile List<HealthInfo> health = List.of();
    private final FakeProcessManager pm = new FakeProcessManager() {
        @Override
        public List<HealthInfo> allHealth() {
            return health;
        }
    }.with(process("web", "web", ProcessState.RUNNING, 0), process("g", "db", ProcessState.RUNNING, 0),
            process("g", "plain", ProcessState.RUNNING, 0));

    @Test
    void healthyIsOneUnhealthyAndStartingAreZeroAndProgramsWithoutACheckHaveNoSample() throws Exception {
        try (RestServer rest = new RestServer(pm)) {
            assertFalse(Http.get(rest.url("/metrics")).body().contains("jsupervisor_process_healthy"),
                    "no checks: no family");
            health = List.of(new HealthInfo("g:db", HealthState.UNHEALTHY, "tcp://h:1", 1, "connection refused", 3),
                    new HealthInfo("g:plain", HealthState.NONE, "", 0, "", 0),
                    new HealthInfo("web", HealthState.HEALTHY, "http://h/", 1, "HTTP 200", 0));
            String body = Http.get(rest.url("/metrics")).body();
            List<String> lines = body.lines().filter(l -> l.startsWith("jsupervisor_process_healthy")).toList();
            assertEquals(List.of("jsupervisor_process_healthy{name=\"db\",group=\"g\"} 0",
                    "jsupervisor_process_healthy{name=\"web\",group=\"web\"} 1"), lines);
            assertTrue(body.contains("# TYPE jsupervisor_process_healthy gauge\n"));
        }
    }
}
