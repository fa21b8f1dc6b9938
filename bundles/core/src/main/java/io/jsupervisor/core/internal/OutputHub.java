package io.jsupervisor.core.internal;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.OutputChunk;
import io.jsupervisor.api.OutputSink;

/**
 * Hands child output (and "log file created" notices, in order with it) to every {@link OutputSink}
 * through one bounded buffer.
 */
final class OutputHub {
    static final long MAX_BYTES = 64L << 20;
    /** Delivered output stays this long for a sink that registers late (the log files' sink at start-up). */
    static final long REPLAY_MILLIS = 10_000;
    /** How long a pipe reader waits for sinks that are a whole buffer behind before the oldest output goes. */
    static final long BACKPRESSURE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final Whiteboard<OutputSink, Object> sinks;
    private long sequence;

    OutputHub(MainLog mainLog) {
        sinks = new Whiteboard<>("output", MAX_BYTES,
                item -> item instanceof OutputChunk c ? 64 + c.data().length : 64,
                new DropReporter(mainLog,
                        "output buffer full: dropped %d oldest output chunks (%d bytes) so far"),
                true, REPLAY_MILLIS,
                OutputHub::deliver);
    }

    private static void deliver(OutputSink sink, Object item) {
        if (item instanceof OutputChunk c) {
            sink.write(c);
        } else {
            sink.created((LogFileSpec) item);
        }
    }

    Whiteboard<OutputSink, Object> sinks() {
        return sinks;
    }

    /**
     * From a pipe reader: waits (bounded, outside the lock) while the sinks are a whole buffer behind, so the
     * child is slowed at its pipe rather than its output dropped. See {@link FanOut#awaitRoom}.
     */
    void writeWaiting(String group, String process, LogChannel channel, LogFileSpec logFile, byte[] data) {
        try {
            sinks.awaitRoom(64 + data.length, BACKPRESSURE_NANOS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        write(group, process, channel, logFile, data);
    }

    /** Sequence numbers are given under the lock so they follow publish order across reader threads. */
    synchronized void write(String group, String process, LogChannel channel, LogFileSpec logFile, byte[] data) {
        sinks.publish(new OutputChunk(++sequence, group, process, channel, logFile, data));
    }

    synchronized void created(LogFileSpec logFile) {
        sinks.publish(logFile);
    }
}
