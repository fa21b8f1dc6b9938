package io.jsupervisor.events.internal;

import static io.jsupervisor.api.ProcessState.RUNNING;
import static io.jsupervisor.api.ProcessState.STARTING;
import static io.jsupervisor.api.ProcessState.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.SupervisorEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An instance started without a handover, while the daemon runs: the core replays to it the events of its last
 * seconds (at start-up: every PROCESS_GROUP_ADDED, SUPERVISOR_STATE_CHANGE_RUNNING, the first state changes) and
 * the output, on two threads, in either order.
 */
class StartUpReplayTest {
    private final RecordingLog log = new RecordingLog();
    /** The envelope header line of every event written to the listener. */
    private final List<String> written = new ArrayList<>();
    private final PoolDefinition lst = new PoolDefinition("lst", 10, List.of(EventType.EVENT), List.of("lst"));
    private final PoolRegistry registry = new PoolRegistry(
            name -> name.equals("lst") ? Optional.of(lst) : Optional.empty(), log);

    private void output(String text) {
        registry.output("lst", "lst", text.getBytes(StandardCharsets.US_ASCII));
        dispatch();
    }

    private void emit(SupervisorEvent event) {
        registry.event(event);
        dispatch();
    }

    private void dispatch() {
        registry.dispatch((namespec, data) -> written.add(
                new String(data, StandardCharsets.UTF_8).lines().findFirst().orElseThrow()), () -> "svx");
    }

    private List<String> names() {
        return written.stream().map(h -> h.replaceAll(".* serial:(\\d+) pool:lst poolserial:(\\d+) eventname:(\\S+) .*",
                "$1/$2 $3")).toList();
    }

    @Test
    void replayedStartUpMakesThePoolWithItsOwnGroupAddedFirstEvenWhenItsReadyCameBefore() {
        registry.adoptAtFirstEvent(List.of(lst), (g, p) -> RUNNING); // the listener runs by the time we start
        output("READY\n"); // the output replay came first
        emit(Events.groupAdded("lst"));
        emit(Events.groupAdded("prog"));
        emit(Events.supervisor(EventType.SUPERVISOR_STATE_CHANGE_RUNNING));
        emit(Events.state("lst", "lst", STOPPED, STARTING));
        emit(Events.state("lst", "lst", STARTING, RUNNING));
        for (int i = 0; i < 4; i++) {
            output("RESULT 2\nOKREADY\n");
        }
        assertEquals(List.of("0/0 PROCESS_GROUP_ADDED", "1/1 PROCESS_GROUP_ADDED",
                "2/2 SUPERVISOR_STATE_CHANGE_RUNNING", "3/3 PROCESS_STATE_STARTING", "4/4 PROCESS_STATE_RUNNING"),
                names(), "as the reference numbers them: the pool's own PROCESS_GROUP_ADDED is serial 0");
        assertEquals(List.of(), log.atLeastWarn());
    }

    @Test
    void replayedStartUpWithTheReadyAfterTheEvents() {
        registry.adoptAtFirstEvent(List.of(lst), (g, p) -> RUNNING);
        emit(Events.groupAdded("lst"));
        emit(Events.supervisor(EventType.SUPERVISOR_STATE_CHANGE_RUNNING));
        emit(Events.state("lst", "lst", STOPPED, STARTING));
        emit(Events.state("lst", "lst", STARTING, RUNNING));
        output("READY\n");
        output("RESULT 2\nOKREADY\n");
        assertEquals(List.of("0/0 PROCESS_GROUP_ADDED", "1/1 SUPERVISOR_STATE_CHANGE_RUNNING"), names());
    }

    @Test
    void poolsTheReplayDoesNotReachAreAdoptedAtTheFirstOtherEvent() {
        registry.adoptAtFirstEvent(List.of(lst), (g, p) -> RUNNING); // started long after the daemon
        output("READY\n");
        assertEquals(List.of(), registry.poolNames(), "not adopted before the replay shows whether it makes it");
        emit(Events.tick5(1_000_000_005L));
        assertEquals(List.of("0/0 TICK_5"), names(), "adopted with its READY, and given the event");
    }
}
