package io.jsupervisor.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.api.SupervisorEventListener;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Events for listeners that subscribe late: the reference's pools exist before the groups are announced, ours
 * subscribe after the core emitted the start-up events, so the bus keeps them for them.
 */
class EventBusTest {
    private static SupervisorEvent added(String group) {
        return new SupervisorEvent(EventType.PROCESS_GROUP_ADDED, Map.of("groupname", group), "");
    }

    private static List<String> groups(List<SupervisorEvent> events) {
        return events.stream().map(e -> e.headers().get("groupname")).toList();
    }

    @Test
    void startUpEventsReachTheListenersThatSubscribeAfterThem() {
        EventBus bus = new EventBus(new MainLog());
        try {
            bus.emit(added("a"));
            bus.emit(added("b"));
            List<SupervisorEvent> first = new CopyOnWriteArrayList<>();
            bus.listeners().add(first::add, "first");
            Harness.await("the first listener's events", Duration.ofSeconds(5), () -> first.size() == 2);

            List<SupervisorEvent> pools = new CopyOnWriteArrayList<>();
            SupervisorEventListener poolsListener = pools::add;
            bus.listeners().add(poolsListener, "pools"); // after another listener took them: replayed
            Harness.await("the later listener's events", Duration.ofSeconds(5), () -> pools.size() == 2);
            assertEquals(List.of("a", "b"), groups(pools));

            bus.listeners().remove(poolsListener);
            bus.emit(added("c"));
            List<SupervisorEvent> returned = new CopyOnWriteArrayList<>();
            bus.listeners().add(returned::add, "pools"); // the same component, back: where it left, no repeats
            Harness.await("the returning listener's events", Duration.ofSeconds(5), () -> returned.size() == 1);
            bus.emit(added("d"));
            Harness.await("a live event", Duration.ofSeconds(5), () -> returned.size() == 2);
            assertEquals(List.of("c", "d"), groups(returned));
            // each listener has its own delivery thread: the first may still be on its way to "d"
            Harness.await("the first listener's live events", Duration.ofSeconds(5), () -> first.size() == 4);
            assertEquals(List.of("a", "b", "c", "d"), groups(first));
        } finally {
            bus.listeners().close();
        }
    }
}
