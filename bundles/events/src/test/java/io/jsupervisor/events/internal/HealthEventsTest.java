package io.jsupervisor.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.config.GroupKind;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.ListenerPoolSpec;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our PROCESS_HEALTH_* events reach the listeners that subscribe to them, in the reference's envelope. */
class HealthEventsTest {
    private final RecordingLog log = new RecordingLog();

    static SupervisorEvent unhealthy() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("processname", "web");
        h.put("groupname", "web");
        h.put("from_state", "HEALTHY");
        h.put("pid", "4242");
        h.put("failures", "3");
        return new SupervisorEvent(EventType.PROCESS_HEALTH_UNHEALTHY, h, "timed out after 5 s");
    }

    private static PoolDefinition pool(String name, String... events) {
        GroupSpec g = new GroupSpec(name, 999, GroupKind.EVENTLISTENER, List.of(),
                new ListenerPoolSpec(List.of(events), 10, "supervisor.dispatchers:default_handler"));
        return PoolDefinition.of(g).orElseThrow();
    }

    @Test
    void aPoolSubscribedByNameGetsHealthEventsAndStatePoolsDoNot() {
        List<PoolDefinition> pools = List.of(pool("health", "PROCESS_HEALTH"), pool("states", "PROCESS_STATE"),
                pool("bad", "PROCESS_HEALTH_UNHEALTHY"), pool("good", "PROCESS_HEALTH_HEALTHY"));
        PoolRegistry registry = new PoolRegistry(n -> pools.stream().filter(p -> p.name().equals(n)).findFirst(), log);
        registry.addExisting(pools, (g, p) -> ProcessState.STOPPED);
        registry.event(unhealthy());
        assertEquals(1, registry.queued("health").size());
        assertEquals(1, registry.queued("bad").size());
        assertEquals(0, registry.queued("states").size());
        assertEquals(0, registry.queued("good").size());
    }

    @Test
    void theEnvelopeByteForByte() {
        SupervisorEvent e = unhealthy();
        String envelope = new String(Envelope.encode("supervisor", 7, "health", 0, e.type().name(), e.payload()),
                StandardCharsets.UTF_8);
        assertEquals("ver:3.0 server:supervisor serial:7 pool:health poolserial:0 eventname:PROCESS_HEALTH_UNHEALTHY "
                + "len:88\nprocessname:web groupname:web from_state:HEALTHY pid:4242 failures:3\n"
                + "timed out after 5 s", envelope);
    }
}
