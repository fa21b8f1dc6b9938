package io.jsupervisor.events.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one instance of the pools leaves to the next when the events bundle is stopped or updated while the
 * daemon runs: the queues, the events held by busy listeners, the protocol state of every listener and the
 * counters. The core keeps what this bundle had not taken yet (its whiteboard cursor is parked by component
 * name), so the successor carries on exactly where this one stopped. Written as versioned binary so that
 * another version of the bundle can read it.
 *
 * @param daemon             which daemon this was taken from (framework launch and core service)
 * @param savedAtMillis      when it was taken (wall clock)
 * @param lastOutputSequence the last output chunk applied; the core may deliver it again
 * @param registry           the pools
 */
record Handover(String daemon, long savedAtMillis, long lastOutputSequence, RegistryState registry) {
    private static final int FORMAT = 1;

    /** All pools, and the counters that outlive them. */
    record RegistryState(long lastSerial, boolean stopping, List<PoolState> pools) {
    }

    record PoolState(String name, long lastPoolSerial, List<PooledEvent> queued, List<ListenerSnapshot> listeners) {
    }

    /** @param inFlight the event written to it and not answered yet, or {@code null} */
    record ListenerSnapshot(String process, ProcessState processState, boolean alive, ProtocolSnapshot protocol,
                            PooledEvent inFlight) {
    }

    /** @param resultLength the announced result length, -1 while the result line is still coming */
    record ProtocolSnapshot(ListenerState state, byte[] pending, long resultLength, byte[] result) {
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(daemon);
            out.writeLong(savedAtMillis);
            out.writeLong(lastOutputSequence);
            out.writeLong(registry.lastSerial());
            out.writeBoolean(registry.stopping());
            out.writeInt(registry.pools().size());
            for (PoolState pool : registry.pools()) {
                out.writeUTF(pool.name());
                out.writeLong(pool.lastPoolSerial());
                out.writeInt(pool.queued().size());
                for (PooledEvent event : pool.queued()) {
                    writeEvent(out, event);
                }
                out.writeInt(pool.listeners().size());
                for (ListenerSnapshot listener : pool.listeners()) {
                    out.writeUTF(listener.process());
                    out.writeUTF(listener.processState().name());
                    out.writeBoolean(listener.alive());
                    out.writeUTF(listener.protocol().state().name());
                    writeBytes(out, listener.protocol().pending());
                    out.writeLong(listener.protocol().resultLength());
                    writeBytes(out, listener.protocol().result());
                    out.writeBoolean(listener.inFlight() != null);
                    if (listener.inFlight() != null) {
                        writeEvent(out, listener.inFlight());
                    }
                }
            }
        } catch (IOException inMemory) {
            throw new UncheckedIOException(inMemory);
        }
        return bytes.toByteArray();
    }

    /** @throws IOException when the bytes are not a handover of this format (then there is nothing to carry on) */
    static Handover decode(byte[] data) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
        if (in.readInt() != FORMAT) {
            throw new IOException("unknown handover format");
        }
        String daemon = in.readUTF();
        long savedAt = in.readLong();
        long lastOutputSequence = in.readLong();
        long lastSerial = in.readLong();
        boolean stopping = in.readBoolean();
        List<PoolState> pools = new ArrayList<>();
        for (int p = in.readInt(); p > 0; p--) {
            String name = in.readUTF();
            long lastPoolSerial = in.readLong();
            List<PooledEvent> queued = new ArrayList<>();
            for (int q = in.readInt(); q > 0; q--) {
                queued.add(readEvent(in));
            }
            List<ListenerSnapshot> listeners = new ArrayList<>();
            for (int l = in.readInt(); l > 0; l--) {
                String process = in.readUTF();
                ProcessState processState = ProcessState.valueOf(in.readUTF());
                boolean alive = in.readBoolean();
                ProtocolSnapshot protocol = new ProtocolSnapshot(ListenerState.valueOf(in.readUTF()), readBytes(in),
                        in.readLong(), readBytes(in));
                PooledEvent inFlight = in.readBoolean() ? readEvent(in) : null;
                listeners.add(new ListenerSnapshot(process, processState, alive, protocol, inFlight));
            }
            pools.add(new PoolState(name, lastPoolSerial, queued, listeners));
        }
        return new Handover(daemon, savedAt, lastOutputSequence, new RegistryState(lastSerial, stopping, pools));
    }

    private static void writeEvent(DataOutputStream out, PooledEvent pooled) throws IOException {
        out.writeLong(pooled.serial());
        out.writeLong(pooled.poolSerial());
        SupervisorEvent event = pooled.event();
        out.writeUTF(event.type().name());
        out.writeInt(event.headers().size());
        for (Map.Entry<String, String> header : event.headers().entrySet()) {
            out.writeUTF(header.getKey());
            writeString(out, header.getValue());
        }
        out.writeBoolean(event.body() != null);
        if (event.body() != null) {
            writeString(out, event.body());
        }
    }

    private static PooledEvent readEvent(DataInputStream in) throws IOException {
        long serial = in.readLong();
        long poolSerial = in.readLong();
        EventType type = EventType.valueOf(in.readUTF());
        Map<String, String> headers = new LinkedHashMap<>();
        for (int h = in.readInt(); h > 0; h--) {
            headers.put(in.readUTF(), readString(in));
        }
        String body = in.readBoolean() ? readString(in) : null;
        return new PooledEvent(new SupervisorEvent(type, headers, body), serial, poolSerial);
    }

    /** Bodies can pass writeUTF's 64 KiB limit (a 128 KiB PROCESS_LOG chunk). */
    private static void writeString(DataOutputStream out, String value) throws IOException {
        writeBytes(out, value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String readString(DataInputStream in) throws IOException {
        return new String(readBytes(in), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > in.available()) {
            throw new IOException("truncated handover");
        }
        return in.readNBytes(length);
    }
}
