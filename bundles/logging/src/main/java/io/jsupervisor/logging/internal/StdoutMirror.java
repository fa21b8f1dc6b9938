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

    /** The start of a line that has not ended yet, and whose line it is. */
    private static final class Partial {
        final byte[] prefix;
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Partial(String process) {
            prefix = (process + " | ").getBytes(StandardCharsets.UTF_8);
        }

        /** Appends prefix, the waiting bytes and {@code data[from, to)} to {@code out}; nothing waits after. */
        void line(ByteArrayOutputStream out, byte[] data, int from, int to) {
            out.writeBytes(prefix);
            out.writeBytes(bytes.toByteArray());
            bytes.reset();
            out.write(data, from, to - from);
        }
    }

    private static final byte[] NEWLINE = {'\n'};
    private final OutputStream stdout;
    private final Map<String, Partial> pending = new HashMap<>();
    private boolean broken;

    /** @param stdout written with one {@code write} call per batch of whole lines (it serializes its writers) */
    StdoutMirror(OutputStream stdout) {
        this.stdout = stdout;
    }

    synchronized void write(String channelKey, String process, byte[] data) {
        Partial partial = pending.computeIfAbsent(channelKey, k -> new Partial(process));
        ByteArrayOutputStream lines = new ByteArrayOutputStream(data.length + 64);
        int from = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                partial.line(lines, data, from, i + 1);
                from = i + 1;
            }
        }
        partial.bytes.write(data, from, data.length - from);
        if (partial.bytes.size() > MAX_PENDING) {
            partial.line(lines, NEWLINE, 0, 1);
        }
        out(lines);
    }

    /**
     * Writes every waiting partial line as a line of its own (the bundle is stopping, and a new instance would
     * not know them): the rest of such a line then comes as another line, split but not lost.
     */
    synchronized void flushPartialLines() {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (Partial partial : pending.values()) {
            if (partial.bytes.size() > 0) {
                partial.line(lines, NEWLINE, 0, 1);
            }
        }
        out(lines);
    }

    private void out(ByteArrayOutputStream lines) {
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
