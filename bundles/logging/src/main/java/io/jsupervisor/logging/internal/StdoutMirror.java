package io.jsupervisor.logging.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies child output to the daemon's own stdout ({@code *_mirror}, for containers), each line prefixed
 * with {@code <process> | }. Only whole lines are written, each batch in one write to the shared stream,
 * so lines of different children (and main log lines) never interleave inside a line. A partial line waits
 * for its end; one longer than {@link #MAX_PENDING} is written out as a line of its own.
 */
final class StdoutMirror {
    static final int MAX_PENDING = 64 * 1024;
    private final OutputStream stdout;
    private final Map<String, ByteArrayOutputStream> pending = new HashMap<>();
    private boolean broken;

    /** @param stdout written with one {@code write} call per batch of whole lines (it serializes its writers) */
    StdoutMirror(OutputStream stdout) {
        this.stdout = stdout;
    }

    synchronized void write(String channelKey, String process, byte[] data) {
        byte[] prefix = (process + " | ").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream partial = pending.computeIfAbsent(channelKey, k -> new ByteArrayOutputStream());
        ByteArrayOutputStream lines = new ByteArrayOutputStream(data.length + 64);
        int from = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                lines.write(prefix, 0, prefix.length);
                lines.writeBytes(partial.toByteArray());
                partial.reset();
                lines.write(data, from, i + 1 - from);
                from = i + 1;
            }
        }
        partial.write(data, from, data.length - from);
        if (partial.size() > MAX_PENDING) {
            lines.write(prefix, 0, prefix.length);
            lines.writeBytes(partial.toByteArray());
            partial.reset();
            lines.write('\n');
        }
        if (lines.size() > 0 && !broken) {
            try {
                lines.writeTo(stdout);
                stdout.flush();
            } catch (IOException e) {
                broken = true; // stdout closed (no terminal, container gone): as the main log, ignore
            }
        }
    }
}
