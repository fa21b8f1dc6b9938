package io.jsupervisor.events.internal;

import static io.jsupervisor.api.ProcessState.EXITED;
import static io.jsupervisor.api.ProcessState.RUNNING;
import static io.jsupervisor.api.ProcessState.STARTING;
import static io.jsupervisor.api.ProcessState.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.EventType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Events and output come on two threads: a new listener's {@code READY\n} can be read before its STARTING event,
 * and a dead listener's last output after its exit event. The first must count, the second must not.
 */
class EarlyOutputTest {
    private final RecordingLog log = new RecordingLog();
    private final List<String> written = new ArrayList<>();
    private final PoolRegistry registry = new PoolRegistry(name -> Optional.of(new PoolDefinition("lst", 10,
            List.of(EventType.REMOTE_COMMUNICATION), List.of("lst"))), log);

    private void output(String text) {
        registry.output("lst", "lst", text.getBytes(StandardCharsets.US_ASCII));
        dispatch();
    }

    private void emit(io.jsupervisor.api.SupervisorEvent event) {
        registry.event(event);
        dispatch();
    }

    private void dispatch() {
        registry.dispatch((namespec, data) -> written.add(namespec), () -> "svxid");
    }

    @Test
    void readyReadBeforeTheStartingEventCounts() {
        emit(Events.groupAdded("lst"));
        emit(Events.remote("t", "x"));
        output("READY\n"); // the event thread has not delivered STARTING yet
        emit(Events.state("lst", "lst", STOPPED, STARTING));
        emit(Events.state("lst", "lst", STARTING, RUNNING));
        assertEquals(List.of("lst"), written, "the queued event went to the listener");
        assertEquals(ListenerState.BUSY, registry.listenerState("lst", "lst"));
    }

    @Test
    void startingEventMissedBeforeSubscribingRunningStillCounts() {
        emit(Events.groupAdded("lst")); // adopted as STOPPED; its STARTING came before the bundle subscribed
        emit(Events.remote("t", "x"));
        output("READY\n");
        emit(Events.state("lst", "lst", STARTING, RUNNING));
        assertEquals(List.of("lst"), written);
    }

    @Test
    void tailOfADeadListenerDoesNotReachTheNextProcess() {
        emit(Events.groupAdded("lst"));
        emit(Events.state("lst", "lst", STOPPED, STARTING));
        output("READY\n");
        emit(Events.state("lst", "lst", STARTING, RUNNING));
        emit(Events.remote("t", "x"));
        assertEquals(ListenerState.BUSY, registry.listenerState("lst", "lst"));

        emit(Events.state("lst", "lst", RUNNING, EXITED)); // it answered, then died: the answer is read late
        output("RESULT 2\nOKREADY\n");
        emit(Events.state("lst", "lst", EXITED, STARTING));
        assertEquals(ListenerState.ACKNOWLEDGED, registry.listenerState("lst", "lst"),
                "the dead process's READY is not the new one's");

        output("READY\n"); // the new process
        emit(Events.state("lst", "lst", STARTING, RUNNING));
        assertEquals(List.of("lst", "lst"), written, "the re-buffered event went to the new process");
        assertEquals(List.of(), log.atLeastWarn());
    }

    @Test
    void tailThenNewReadyBothBeforeTheStartingEvent() {
        emit(Events.groupAdded("lst"));
        emit(Events.state("lst", "lst", STOPPED, STARTING));
        output("READY\n");
        emit(Events.state("lst", "lst", STARTING, RUNNING));
        emit(Events.remote("t", "x"));
        emit(Events.state("lst", "lst", RUNNING, EXITED));
        output("RESULT 2\nOK"); // the dead one's tail
        output("READY\n");      // its last words, also late
        output("READY\n");      // the new process, before its STARTING event
        emit(Events.state("lst", "lst", EXITED, STARTING));
        assertEquals(ListenerState.READY, registry.listenerState("lst", "lst"));
        emit(Events.state("lst", "lst", STARTING, RUNNING));
        assertEquals(List.of("lst", "lst"), written);
        assertEquals(List.of(), log.atLeastWarn());
    }
}
