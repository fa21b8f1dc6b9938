package io.jsupervisor.rest.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.OutputChunk;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorEvent;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What this bundle gathers while it runs and its endpoints share: the event journal and its streams,
 * the start/restart counters, the HTTP figures, the bundle's start time.
 */
class Telemetry implements AutoCloseable {
    /** Events kept for reconnecting clients, per ring. */
    static final int JOURNAL_CAPACITY = 10_000;
    /** Output kept, in characters, at most. */
    static final long OUTPUT_CHARS = 8L << 20;

    final EventJournal journal;
    final EventStream stream;
    final ProcessCounters counters;
    final HttpStats http = new HttpStats();
    final long startNanos = System.nanoTime();

    Telemetry(ProcessManager pm) {
        this(pm, JOURNAL_CAPACITY);
    }

    Telemetry(ProcessManager pm, int journalCapacity) {
        this.counters = new ProcessCounters(() -> {
            try {
                return pm.configuration();
            } catch (RuntimeException e) {
                return null;
            }
        }, pm::processInfo);
        this.journal = new EventJournal(journalCapacity, OUTPUT_CHARS);
        this.stream = new EventStream(journal);
    }

    /** State changes go to the journal; TICK, log and communication events do not. */
    void onEvent(SupervisorEvent event) {
        counters.onEvent(event);
        String kind = kind(event.type());
        if (kind == null) {
            return;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", event.type().name());
        data.put("time", System.currentTimeMillis() / 1000.0);
        data.putAll(event.headers());
        journal.appendState(kind, Json.write(data));
        stream.wake();
    }

    private static String kind(EventType type) {
        if (type.isA(EventType.PROCESS_STATE)) {
            return "state";
        }
        if (type.isA(EventType.PROCESS_GROUP)) {
            return "group";
        }
        if (type.isA(EventType.SUPERVISOR_STATE_CHANGE)) {
            return "supervisor";
        }
        return null;
    }

    /** A piece of output as read from the pipe (it may hold several lines, or part of one). */
    void onOutput(OutputChunk chunk) {
        if (!stream.wantsOutput()) {
            return; // decoding and escaping every chunk of a busy child for nobody slowed every sink down
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", chunk.process());
        data.put("group", chunk.group());
        data.put("channel", chunk.channel().label());
        data.put("data", new String(chunk.data(), StandardCharsets.UTF_8));
        journal.appendOutput("log", Json.write(data));
        stream.wake();
    }

    double uptimeSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        stream.close();
    }
}
