package io.jsupervisor.events.internal;

import static io.jsupervisor.api.ProcessState.EXITED;
import static io.jsupervisor.api.ProcessState.RUNNING;
import static io.jsupervisor.api.ProcessState.STARTING;
import static io.jsupervisor.api.ProcessState.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.EventType;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pools writing envelopes to real python3 listeners through real pipes, and reading their answers. */
class DispatchToRealListenersTest {
    @TempDir
    Path dir;
    private CoreStandIn core;

    @AfterEach
    void stopListeners() {
        if (core != null) {
            core.close();
        }
    }

    private CoreStandIn core(int bufferSize, String... processes) {
        core = new CoreStandIn(dir, new PoolDefinition("lst", bufferSize, List.of(EventType.REMOTE_COMMUNICATION),
                List.of(processes)));
        core.emit(Events.groupAdded("lst"));
        return core;
    }

    /** Spawns a listener as the core does (STARTING, then the process) and waits until it said READY. */
    private String spawn(String process, String mode) throws Exception {
        core.emit(Events.state("lst", process, STOPPED, STARTING));
        String namespec = core.listeners.start("lst", process, mode);
        Await.until(process + " READY", () -> core.listenerState("lst", process) == ListenerState.READY,
                () -> core.listenerState("lst", process));
        return namespec;
    }

    private void running(String process) {
        core.emit(Events.state("lst", process, STARTING, RUNNING));
    }

    private List<String> awaitReceived(String namespec, int count) {
        Await.until(count + " events at " + namespec, () -> core.listeners.received(namespec).size() >= count,
                () -> core.listeners.received(namespec));
        return core.listeners.received(namespec);
    }

    private static String line(long serial, long poolSerial, String data) {
        return "ver:3.0 server:svxid serial:" + serial + " pool:lst poolserial:" + poolSerial
                + " eventname:REMOTE_COMMUNICATION len:" + (7 + data.length()) + " payload=type:t\\n" + data;
    }

    @Test
    void listenerGetsNothingUntilRunningThenTheExactEnvelope() throws Exception {
        core(10, "lst");
        String lst = spawn("lst", "ok");
        core.emit(Events.remote("t", "hello"));
        assertEquals(List.of(), core.listeners.received(lst));
        assertEquals(1, core.queued("lst").size());

        running("lst");
        assertEquals(List.of(line(0, 0, "hello")), awaitReceived(lst, 1));
        Await.until("OK answer read", () -> core.log.lines.contains("DEBG lst: event was processed"));
        assertEquals(List.of(), core.queued("lst"));
    }

    @Test
    void rejectedEventGoesBackToTheHeadOfTheQueue() throws Exception {
        core(10, "lst");
        String lst = spawn("lst", "fail-first");
        core.emit(Events.remote("t", "first"));
        core.emit(Events.remote("t", "second"));
        running("lst");
        // at the tail, "first" would come back after "second"
        assertEquals(List.of(line(0, 0, "first"), line(0, 0, "first"), line(1, 1, "second")), awaitReceived(lst, 3));
        assertTrue(core.log.lines.contains("WARN lst: event was rejected"), core.log.lines::toString);
    }

    @Test
    void eventHeldByAListenerThatDiesGoesToAnotherListener() throws Exception {
        core(10, "a", "b");
        String a = spawn("a", "die");
        String b = spawn("b", "ok");
        running("a");
        running("b");
        core.emit(Events.remote("t", "precious"));
        assertEquals(List.of(line(0, 0, "precious")), awaitReceived("lst:a", 1));
        assertEquals(List.of(), core.listeners.received(b), "a comes first in the pool and was READY");

        assertTrue(core.listeners.process(a).waitFor(10, TimeUnit.SECONDS));
        core.emit(Events.state("lst", "a", RUNNING, EXITED));
        assertEquals(List.of(line(0, 0, "precious")), awaitReceived(b, 1));
    }

    @Test
    void brokenPipeMakesThePoolTryTheNextListener() throws Exception {
        core(10, "a", "b");
        String a = spawn("a", "ok");
        String b = spawn("b", "ok");
        running("a");
        running("b");
        // a dies unnoticed: the core has not reported its exit yet, so it is still RUNNING and READY
        core.listeners.process(a).destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        core.emit(Events.remote("t", "x"));
        assertEquals(List.of(line(0, 0, "x")), awaitReceived(b, 1));
        assertEquals(ListenerState.READY, core.listenerState("lst", "a"), "listener state unchanged on EPIPE");
    }

    @Test
    void overflowWhileNobodyIsRunningLeavesTheNewestEvents() throws Exception {
        core(2, "lst");
        String lst = spawn("lst", "ok");
        core.emit(Events.remote("t", "e0"));
        core.emit(Events.remote("t", "e1"));
        core.emit(Events.remote("t", "e2"));
        running("lst");
        assertEquals(List.of(line(1, 1, "e1"), line(2, 2, "e2")), awaitReceived(lst, 2));
        assertEquals(List.of("ERRO pool lst event buffer overflowed, discarding event 0"), core.log.atLeastWarn());
    }

    @Test
    void restartedListenerMustSayReadyAgain() throws Exception {
        core(10, "lst");
        String first = spawn("lst", "die");
        running("lst");
        core.emit(Events.remote("t", "one"));
        awaitReceived(first, 1);
        assertTrue(core.listeners.process(first).waitFor(10, TimeUnit.SECONDS));
        core.emit(Events.state("lst", "lst", RUNNING, EXITED));
        assertEquals(ListenerState.ACKNOWLEDGED, core.listenerState("lst", "lst"));
        assertEquals(1, core.queued("lst").size(), "the unanswered event waits for the next process");

        spawn("lst", "ok"); // same record file: the new process appends to it
        running("lst");
        assertEquals(List.of(line(0, 0, "one"), line(0, 0, "one")), awaitReceived(first, 2));
    }

    @Test
    void listenerThatBreaksTheProtocolIsUnknownAndGetsNothing() throws Exception {
        core(10, "lst");
        core.emit(Events.state("lst", "lst", STOPPED, STARTING));
        core.listeners.start("lst", "lst", "garbage");
        Await.until("UNKNOWN", () -> core.listenerState("lst", "lst") == ListenerState.UNKNOWN);
        running("lst");
        core.emit(Events.remote("t", "x"));
        assertEquals(1, core.queued("lst").size());
        assertEquals(List.of("WARN lst: has entered the UNKNOWN state and will no longer receive events, "
                + "this usually indicates the process violated the eventlistener protocol"), core.log.atLeastWarn());
    }

    @Test
    void badResultLineMakesTheListenerUnknownAndTheEventGoesToAnother() throws Exception {
        core(10, "a", "b");
        spawn("a", "badline");
        String b = spawn("b", "ok");
        running("a");
        running("b");
        core.emit(Events.remote("t", "x"));
        assertEquals(List.of(line(0, 0, "x")), awaitReceived("lst:a", 1));
        assertEquals(List.of(line(0, 0, "x")), awaitReceived(b, 1));
        assertEquals(ListenerState.UNKNOWN, core.listenerState("lst", "a"));
        assertEquals(List.of("WARN a: bad result line: 'RESULT x'",
                "WARN a: has entered the UNKNOWN state and will no longer receive events, "
                        + "this usually indicates the process violated the eventlistener protocol"),
                core.log.atLeastWarn());
    }
}
