package io.jsupervisor.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.OutputChunk;
import io.jsupervisor.api.SupervisorEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/events}: ids, resumption with Last-Event-ID without loss, opt-in output, gaps. */
class EventStreamTest {
    private RestServer rest;

    private RestServer start(int capacity) throws Exception {
        rest = new RestServer(new FakeProcessManager(), capacity);
        return rest;
    }

    @AfterEach
    void stop() throws Exception {
        if (rest != null) {
            rest.close();
        }
    }

    private static SupervisorEvent running(String name, int n) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("processname", name);
        h.put("groupname", name);
        h.put("from_state", "STARTING");
        h.put("pid", Integer.toString(n));
        return new SupervisorEvent(EventType.PROCESS_STATE_RUNNING, h, null);
    }

    private static OutputChunk output(String name, String text) {
        return new OutputChunk(1, name, name, LogChannel.STDOUT, null, text.getBytes(StandardCharsets.UTF_8));
    }

    private SseClient connect(String query, String lastId) throws Exception {
        // waiting for the opening line, not for a client count: an earlier client may be dropped meanwhile
        return new SseClient(rest.url(EventsServlet.PATH + query), lastId).awaitOpen();
    }

    @Test
    void stateChangesArriveWithIncreasingIdsAndTheReferenceHeaders() throws Exception {
        start(100);
        try (SseClient c = connect("", null)) {
            rest.telemetry.onEvent(running("cat", 1));
            rest.telemetry.onEvent(running("cat", 2));
            rest.telemetry.onEvent(new SupervisorEvent(EventType.TICK_5, Map.of("when", "1"), null)); // not journaled
            List<SseClient.Event> got = c.awaitEvents(2);
            assertTrue(c.head().startsWith("HTTP/1.1 200"), c.head());
            assertTrue(c.head().toLowerCase().contains("content-type: text/event-stream"), c.head());
            assertEquals(List.of(1L, 2L), got.stream().map(SseClient.Event::id).toList());
            assertEquals("state", got.get(0).event());
            Map<String, Object> data = JsonReader.object(got.get(1).data());
            assertEquals("PROCESS_STATE_RUNNING", data.get("type"));
            assertEquals("cat", data.get("processname"));
            assertEquals("STARTING", data.get("from_state"));
            assertEquals("2", data.get("pid"));
        }
    }

    @Test
    void aNewStreamStartsFromNowWithoutHistory() throws Exception {
        start(100);
        rest.telemetry.onEvent(running("old", 1));
        try (SseClient c = connect("", null)) {
            rest.telemetry.onEvent(running("new", 2));
            List<SseClient.Event> got = c.awaitEvents(1);
            assertEquals(1, got.size());
            assertEquals(2L, got.get(0).id());
        }
    }

    @Test
    void reconnectingWithLastEventIdLosesNothingWhileEventsKeepComing() throws Exception {
        start(10_000);
        int total = 3000;
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean go = new AtomicBoolean(true);
        Thread emitter = new Thread(() -> {
            while (go.get() && sent.get() < total) {
                rest.telemetry.onEvent(running("p", sent.incrementAndGet()));
                if (sent.get() % 100 == 0) {
                    Thread.yield();
                }
            }
        });
        List<Long> seen = new ArrayList<>();
        try (SseClient first = connect("?lastEventId=0", null)) {
            emitter.start();
            first.awaitEvents(500).forEach(e -> seen.add(e.id()));
        } // the client drops in the middle of the flow
        long last = seen.get(seen.size() - 1);
        Wait.until(() -> sent.get() > seen.size() + 200); // more events while nobody listens
        try (SseClient again = connect("", Long.toString(last))) {
            emitter.join(20_000);
            again.awaitEvents(total - seen.size()).forEach(e -> seen.add(e.id()));
        } finally {
            go.set(false);
        }
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= total; i++) {
            expected.add(i);
        }
        assertEquals(expected, seen);
    }

    @Test
    void outputOnlyForStreamsThatAskForLogs() throws Exception {
        start(100);
        try (SseClient states = connect("", null); SseClient logs = connect("?logs=true", null)) {
            rest.telemetry.onEvent(running("cat", 1));
            rest.telemetry.onOutput(output("cat", "hello\nwor"));
            rest.telemetry.onEvent(running("cat", 2));
            List<SseClient.Event> all = logs.awaitEvents(3);
            assertEquals(List.of("state", "log", "state"), all.stream().map(SseClient.Event::event).toList());
            Map<String, Object> line = JsonReader.object(all.get(1).data());
            assertEquals("hello\nwor", line.get("data"));
            assertEquals("stdout", line.get("channel"));
            assertEquals("cat", line.get("name"));
            List<SseClient.Event> onlyStates = states.awaitEvents(2);
            assertEquals(List.of(1L, 3L), onlyStates.stream().map(SseClient.Event::id).toList());
        }
    }

    @Test
    void aClientTooFarBehindIsToldOfTheGapThenGetsWhatIsKept() throws Exception {
        start(10);
        for (int i = 1; i <= 30; i++) {
            rest.telemetry.onEvent(running("p", i));
        }
        try (SseClient c = connect("", "5")) {
            List<SseClient.Event> got = c.awaitEvents(11);
            assertEquals("gap", got.get(0).event());
            assertEquals(List.of(21L, 22L, 23L, 24L, 25L, 26L, 27L, 28L, 29L, 30L),
                    got.subList(1, 11).stream().map(SseClient.Event::id).toList());
        }
    }

    @Test
    void aBadLastEventIdIs400() throws Exception {
        start(10);
        assertEquals(400, Http.get(rest.url(EventsServlet.PATH + "?lastEventId=x")).statusCode());
        assertEquals(400, Http.get(rest.url(EventsServlet.PATH + "?logs=maybe")).statusCode());
    }

    @Test
    void streamsEndWhenTheBundleStops() throws Exception {
        start(10);
        try (SseClient c = connect("", null)) {
            rest.telemetry.close();
            c.awaitEvents(1);
            assertTrue(c.ended());
        }
    }
}
