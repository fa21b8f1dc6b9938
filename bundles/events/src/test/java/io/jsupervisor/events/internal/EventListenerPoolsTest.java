package io.jsupervisor.events.internal;

import static io.jsupervisor.api.ProcessState.RUNNING;
import static io.jsupervisor.api.ProcessState.STARTING;
import static io.jsupervisor.api.ProcessState.STOPPED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.OutputChunk;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The DS component as the core drives it: events and output chunks in, envelopes to real pipes out. */
class EventListenerPoolsTest {
    @TempDir
    Path dir;
    private final AtomicReference<EventListenerPools> component = new AtomicReference<>();
    private final AtomicLong sequence = new AtomicLong();
    private RealListeners listeners;

    @AfterEach
    void stopListeners() {
        listeners.close();
    }

    private EventListenerPools start(List<ProcessInfo> processes, String... events) {
        listeners = new RealListeners(dir, (g, p, data) -> chunk(g, p, LogChannel.STDOUT, data));
        ProcessManager manager = StubProcessManager.of(StubProcessManager.listenerConfig("lst", events), processes,
                listeners);
        component.set(new EventListenerPools(manager));
        return component.get();
    }

    /** Output reaching the component before it exists is dropped, as the core's buffer would hold it. */
    private void chunk(String group, String process, LogChannel channel, byte[] data) {
        EventListenerPools pools = component.get();
        if (pools != null) {
            pools.write(new OutputChunk(sequence.incrementAndGet(), group, process, channel, null, data));
        }
    }

    private List<String> awaitReceived(String namespec, int count) {
        Await.until(count + " events", () -> listeners.received(namespec).size() >= count,
                () -> listeners.received(namespec));
        return listeners.received(namespec);
    }

    @Test
    void poolOfAnAddedGroupSendsItsListenerEveryEventFromItsOwnAddedOne() throws Exception {
        EventListenerPools pools = start(List.of(), "EVENT");
        pools.onEvent(Events.groupAdded("lst"));
        // stderr is not the protocol: if it were read as such, this would put the listener in UNKNOWN
        chunk("lst", "lst", LogChannel.STDERR, "garbage on stderr\n".getBytes(StandardCharsets.UTF_8));
        pools.onEvent(Events.state("lst", "lst", STOPPED, STARTING));
        listeners.start("lst", "lst", "ok");
        pools.onEvent(Events.state("lst", "lst", STARTING, RUNNING));

        assertEquals(List.of(
                "ver:3.0 server:svxid serial:0 pool:lst poolserial:0 eventname:PROCESS_GROUP_ADDED len:14"
                        + " payload=groupname:lst\\n",
                "ver:3.0 server:svxid serial:1 pool:lst poolserial:1 eventname:PROCESS_STATE_STARTING len:56"
                        + " payload=processname:lst groupname:lst from_state:STOPPED tries:0",
                "ver:3.0 server:svxid serial:2 pool:lst poolserial:2 eventname:PROCESS_STATE_RUNNING len:58"
                        + " payload=processname:lst groupname:lst from_state:STARTING pid:4242"),
                awaitReceived("lst", 3));
    }

    @Test
    void startingAfterTheCoreAdoptsItsRunningPools() throws Exception {
        ProcessInfo running = new ProcessInfo("lst", "lst", 1, 0, 2, RUNNING, "", 0, "", "", 4242, "pid 4242, uptime 0:00:01");
        EventListenerPools pools = start(List.of(running), "REMOTE_COMMUNICATION");
        listeners.start("lst", "lst", "ok");
        pools.onEvent(Events.remote("t", "hi"));
        assertEquals(List.of("ver:3.0 server:svxid serial:0 pool:lst poolserial:0 eventname:REMOTE_COMMUNICATION"
                + " len:9 payload=type:t\\nhi"), awaitReceived("lst", 1));
    }
}
