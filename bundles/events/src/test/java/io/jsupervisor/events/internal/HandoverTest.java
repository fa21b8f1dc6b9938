package io.jsupervisor.events.internal;

import static io.jsupervisor.api.ProcessState.RUNNING;
import static io.jsupervisor.api.ProcessState.STARTING;
import static io.jsupervisor.api.ProcessState.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.SupervisorEvent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The events bundle stopped or updated while the daemon runs: one registry hands its pools to the next, which
 * carries on with real listener processes as if nothing had happened.
 */
class HandoverTest {
    private static final PoolDefinition POOL = new PoolDefinition("lst", 10, List.of(EventType.REMOTE_COMMUNICATION),
            List.of("lst"));

    @TempDir
    Path dir;
    private final RecordingLog log = new RecordingLog();
    /** The registry the core delivers to now (the old one until the handover, then the new one). */
    private final AtomicReference<PoolRegistry> current = new AtomicReference<>();
    private final AtomicLong outputSequence = new AtomicLong();
    private RealListeners listeners;

    @AfterEach
    void stopListeners() {
        if (listeners != null) {
            listeners.close();
        }
    }

    private PoolRegistry registry() {
        return new PoolRegistry(name -> name.equals("lst") ? Optional.of(POOL) : Optional.empty(), log);
    }

    private void emit(SupervisorEvent event) {
        current.get().event(event);
        dispatch();
    }

    private void dispatch() {
        current.get().dispatch(listeners::write, () -> "svxid");
    }

    private void output(String group, String process, byte[] data) {
        PoolRegistry registry = current.get();
        if (registry.output(outputSequence.incrementAndGet(), group, process, data)) {
            registry.dispatch(listeners::write, () -> "svxid");
        }
    }

    private String startListener(String mode) throws Exception {
        listeners = new RealListeners(dir, this::output);
        current.set(registry());
        emit(Events.groupAdded("lst"));
        emit(Events.state("lst", "lst", STOPPED, STARTING));
        String namespec = listeners.start("lst", "lst", mode);
        Await.until("READY", () -> current.get().listenerState("lst", "lst") == ListenerState.READY);
        return namespec;
    }

    /** What deactivate and the next activate do, through the encoded form. */
    private void handOver() throws Exception {
        PoolRegistry old = current.get();
        Handover.RegistryState state = old.close();
        Handover handover = Handover.decode(new Handover("d", 1, old.lastOutputSequence(), state).encode());
        PoolRegistry next = registry();
        next.restore(handover.registry(), handover.lastOutputSequence());
        current.set(next);
    }

    private static String line(long serial, String data) {
        return "ver:3.0 server:svxid serial:" + serial + " pool:lst poolserial:" + serial
                + " eventname:REMOTE_COMMUNICATION len:" + (7 + data.length()) + " payload=type:t\\n" + data;
    }

    @Test
    void queuedEventsAndAReadyListenerCarryOnWithTheirSerials() throws Exception {
        String lst = startListener("ok");
        emit(Events.remote("t", "e0"));
        emit(Events.remote("t", "e1"));
        assertEquals(2, current.get().queued("lst").size(), "not RUNNING yet: queued");

        handOver();
        emit(Events.state("lst", "lst", STARTING, RUNNING)); // the listener said READY to the old instance only
        emit(Events.remote("t", "e2"));

        Await.until("3 events", () -> listeners.received(lst).size() >= 3, () -> listeners.received(lst));
        assertEquals(List.of(line(0, "e0"), line(1, "e1"), line(2, "e2")), listeners.received(lst),
                "counters go on: a fresh instance would number e2 0");
    }

    @Test
    void eventInFlightIsAnsweredToTheSuccessor() throws Exception {
        String lst = startListener("slow"); // answers each event 2 s after reading it
        emit(Events.state("lst", "lst", STARTING, RUNNING));
        emit(Events.remote("t", "e0"));
        emit(Events.remote("t", "e1"));
        Await.until("e0 sent", () -> current.get().listenerState("lst", "lst") == ListenerState.BUSY);
        handOver(); // before the answer to e0: it reaches the new instance, which then sends e1

        Await.until("2 events", () -> listeners.received(lst).size() >= 2, () -> listeners.received(lst));
        Await.until("e1 answered", () -> current.get().queued("lst").isEmpty()
                && current.get().listenerState("lst", "lst") == ListenerState.READY);
        assertEquals(List.of("e0", "e1"), listeners.received(lst).stream()
                .map(l -> l.substring(l.length() - 2)).toList(), "each once, in order");
        assertEquals(List.of(), log.atLeastWarn());
    }

    @Test
    void outputTheOldInstanceAppliedIsNotAppliedAgain() throws Exception {
        PoolRegistry old = registry();
        old.event(Events.groupAdded("lst"));
        old.event(Events.state("lst", "lst", STOPPED, STARTING));
        assertTrue(old.output(7, "lst", "lst", "READY\n".getBytes(StandardCharsets.US_ASCII)));
        Handover.RegistryState state = old.close();
        assertFalse(old.output(8, "lst", "lst", "x".getBytes(StandardCharsets.US_ASCII)), "closed: takes nothing");

        PoolRegistry next = registry();
        next.restore(state, old.lastOutputSequence());
        // the core delivers chunk 7 again (it was being delivered when the old instance left)
        assertFalse(next.output(7, "lst", "lst", "READY\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(ListenerState.READY, next.listenerState("lst", "lst"), "a second READY would be a violation");
    }

    @Test
    void handoverFileIsTakenOnceAndOnlyByTheSameDaemonWhileFresh() throws Exception {
        Path file = dir.resolve("pools.handover");
        Handover.RegistryState state = new Handover.RegistryState(41, false, List.of(new Handover.PoolState("lst", 3,
                List.of(new PooledEvent(new SupervisorEvent(EventType.REMOTE_COMMUNICATION, Map.of("type", "t"),
                        "x".repeat(70_000)), 40, 2)), List.of())));
        new HandoverFile(file, "uuid/7").save(new Handover("uuid/7", 1_000, 99, state));

        Handover back = new HandoverFile(file, "uuid/7").take(2_000).orElseThrow();
        assertEquals(99, back.lastOutputSequence());
        assertEquals(41, back.registry().lastSerial());
        assertEquals(state.pools().get(0).queued(), back.registry().pools().get(0).queued());
        assertFalse(Files.exists(file), "taken once");

        new HandoverFile(file, "uuid/7").save(new Handover("uuid/7", 1_000, 99, state));
        assertEquals(Optional.empty(), new HandoverFile(file, "uuid/8").take(2_000), "another core service");
        new HandoverFile(file, "uuid/7").save(new Handover("uuid/7", 1_000, 99, state));
        assertEquals(Optional.empty(), new HandoverFile(file, "uuid/7").take(1_000 + HandoverFile.MAX_AGE_MILLIS + 1),
                "older than the core keeps our place");
        Files.write(file, new byte[] {1, 2, 3});
        assertEquals(Optional.empty(), new HandoverFile(file, "uuid/7").take(2_000), "torn");
    }
}
