package io.jsupervisor.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.ProcessState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which events enter which pools, and with which numbers (no listener is running here). */
class PoolRoutingTest {
    private final RecordingLog log = new RecordingLog();

    private PoolRegistry registry(PoolDefinition... pools) {
        List<PoolDefinition> all = List.of(pools);
        return new PoolRegistry(name -> all.stream().filter(p -> p.name().equals(name)).findFirst(), log);
    }

    private static PoolDefinition pool(String name, int bufferSize, EventType... events) {
        return new PoolDefinition(name, bufferSize, List.of(events), List.of(name));
    }

    /** "serial/poolserial/TYPE" of each queued event, head first. */
    private static List<String> queue(PoolRegistry registry, String pool) {
        assertTrue(registry.poolNames().contains(pool), pool + " exists");
        return registry.queued(pool).stream()
                .map(e -> e.serial() + "/" + e.poolSerial() + "/" + e.event().type()).toList();
    }

    @Test
    void abstractSubscriptionsCatchSubtypesAndUnsubscribedEventsUseNoSerial() {
        PoolRegistry registry = registry(pool("states", 10, EventType.PROCESS_STATE),
                pool("ticks", 10, EventType.TICK_5), pool("all", 10, EventType.EVENT));
        registry.addExisting(List.of(pool("states", 10, EventType.PROCESS_STATE), pool("ticks", 10, EventType.TICK_5)),
                (g, p) -> ProcessState.STOPPED);

        registry.event(Events.remote("t", "nobody listens")); // no pool: uses no number
        registry.event(Events.state("web", "web", ProcessState.STOPPED, ProcessState.STARTING));
        registry.event(Events.tick5(1_700_000_000));
        registry.event(Events.state("web", "web", ProcessState.STARTING, ProcessState.RUNNING));

        assertEquals(List.of("0/0/PROCESS_STATE_STARTING", "2/1/PROCESS_STATE_RUNNING"), queue(registry, "states"));
        assertEquals(List.of("1/0/TICK_5"), queue(registry, "ticks"));
    }

    @Test
    void anEventInTwoPoolsHasOneSerialAndAPoolSerialInEach() {
        PoolRegistry registry = registry();
        registry.addExisting(List.of(pool("a", 10, EventType.REMOTE_COMMUNICATION), pool("b", 10, EventType.EVENT)),
                (g, p) -> ProcessState.STOPPED);
        registry.event(Events.tick5(5));
        registry.event(Events.remote("t", "x"));
        assertEquals(List.of("1/0/REMOTE_COMMUNICATION"), queue(registry, "a"));
        assertEquals(List.of("0/0/TICK_5", "1/1/REMOTE_COMMUNICATION"), queue(registry, "b"));
    }

    @Test
    void overlappingSubscriptionsQueueTheEventOncePerMatchAsTheReferenceDoes() {
        PoolRegistry registry = registry();
        registry.addExisting(List.of(pool("p", 10, EventType.PROCESS_STATE, EventType.PROCESS_STATE_EXITED)),
                (g, p) -> ProcessState.STOPPED);
        registry.event(Events.state("web", "web", ProcessState.RUNNING, ProcessState.EXITED));
        assertEquals(List.of("0/0/PROCESS_STATE_EXITED", "0/0/PROCESS_STATE_EXITED"), queue(registry, "p"));
    }

    @Test
    void overflowDropsTheOldestEventAndLogsItsSerial() {
        PoolRegistry registry = registry();
        registry.addExisting(List.of(pool("lst", 2, EventType.TICK)), (g, p) -> ProcessState.STOPPED);
        registry.event(Events.tick5(5));
        registry.event(Events.tick5(10));
        registry.event(Events.tick5(15));
        assertEquals(List.of("1/1/TICK_5", "2/2/TICK_5"), queue(registry, "lst"));
        assertEquals(List.of("ERRO pool lst event buffer overflowed, discarding event 0"), log.atLeastWarn());
    }

    @Test
    void addedListenerGroupGetsAPoolThatReceivesItsOwnAddedEvent() {
        PoolRegistry registry = registry(pool("lst", 10, EventType.EVENT));
        registry.event(Events.groupAdded("web")); // a program group: no pool, no subscriber
        registry.event(Events.groupAdded("lst"));
        assertEquals(List.of("0/0/PROCESS_GROUP_ADDED"), queue(registry, "lst"));
    }

    @Test
    void removedGroupLosesItsPoolBeforeItsRemovalIsAnnounced() {
        PoolRegistry registry = registry(pool("lst", 10, EventType.EVENT), pool("other", 10, EventType.EVENT));
        registry.event(Events.groupAdded("lst"));
        registry.event(Events.groupAdded("other"));
        registry.event(Events.groupRemoved("lst"));
        assertFalse(registry.poolNames().contains("lst"));
        assertEquals(List.of("1/0/PROCESS_GROUP_ADDED", "2/1/PROCESS_GROUP_REMOVED"), queue(registry, "other"));
    }

    @Test
    void inProcessRestartMakesFreshPoolsWhileTheGlobalSerialGoesOn() {
        PoolRegistry registry = registry(pool("lst", 10, EventType.EVENT), pool("gone", 10, EventType.EVENT));
        registry.event(Events.groupAdded("gone"));
        registry.event(Events.groupAdded("lst"));
        registry.event(Events.supervisor(EventType.SUPERVISOR_STATE_CHANGE_RUNNING));
        registry.event(Events.supervisor(EventType.SUPERVISOR_STATE_CHANGE_STOPPING));
        // restart: the groups are made again from the new configuration, which has no "gone"
        registry.event(Events.groupAdded("lst"));
        registry.event(Events.supervisor(EventType.SUPERVISOR_STATE_CHANGE_RUNNING));
        assertEquals(List.of("lst"), registry.poolNames());
        assertEquals(List.of("4/0/PROCESS_GROUP_ADDED", "5/1/SUPERVISOR_STATE_CHANGE_RUNNING"), queue(registry, "lst"));
    }

    @Test
    void supervisorStateEventsHaveAnEmptyPayload() {
        assertTrue(Events.supervisor(EventType.SUPERVISOR_STATE_CHANGE_RUNNING).payload().isEmpty());
    }

    @Test
    void outputArrivingAfterAListenerDiedNeverReachesItsNextProcess() {
        PoolRegistry registry = registry();
        registry.addExisting(List.of(pool("lst", 10, EventType.TICK)), (g, p) -> ProcessState.RUNNING);
        registry.output("lst", "lst", bytes("READY\n"));
        registry.event(Events.state("lst", "lst", ProcessState.RUNNING, ProcessState.EXITED));
        // the dead process's last answer, delivered late: fed to the next process's protocol it would
        // make it UNKNOWN for ever
        registry.output("lst", "lst", bytes("RESULT 2\nOK"));
        registry.event(Events.state("lst", "lst", ProcessState.EXITED, ProcessState.STARTING));
        assertEquals(ListenerState.ACKNOWLEDGED, registry.listenerState("lst", "lst"));
        registry.output("lst", "lst", bytes("READY\n"));
        assertEquals(ListenerState.READY, registry.listenerState("lst", "lst"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
