package io.jsupervisor.core.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.config.ChannelLogSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads one output stream of a child on a thread of its own until EOF and passes what it reads on:
 * to the output sinks (after strip_ansi), to the main log at debug, as PROCESS_LOG events and, in
 * capture mode, as PROCESS_COMMUNICATION events.
 */
final class OutputPump implements Runnable {
    /** A quiet child's read size; a busy one's grows up to {@link #MAX_READ_SIZE} (a full pipe). */
    static final int READ_SIZE = 8192;
    static final int MAX_READ_SIZE = 64 * 1024;
    static final long STACK_SIZE = 256 * 1024;
    private static final byte[] BEGIN = "<!--XSUPERVISOR:BEGIN-->".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "<!--XSUPERVISOR:END-->".getBytes(StandardCharsets.US_ASCII);

    /** Where a pump sends things; one per daemon. */
    record Targets(OutputHub output, EventBus events, MainLog mainLog, boolean stripAnsi) {
    }

    private final InputStream in;
    private final Targets targets;
    private final String group;
    private final String process;
    private final long pid;
    private final LogChannel channel;
    private final LogFileSpec logFile;
    private final ChannelLogSpec settings;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private byte[] pending = new byte[0];
    private boolean capturing;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

    OutputPump(InputStream in, Targets targets, String group, String process, long pid, LogChannel channel,
               LogFileSpec logFile, ChannelLogSpec settings) {
        this.in = in;
        this.targets = targets;
        this.group = group;
        this.process = process;
        this.pid = pid;
        this.channel = channel;
        this.logFile = logFile;
        this.settings = settings;
    }

    CompletableFuture<Void> start() {
        Thread t = new Thread(null, this, "jsupervisor-" + channel.label() + "-" + process, STACK_SIZE);
        t.setDaemon(true);
        t.start();
        return done;
    }

    @Override
    public void run() {
        byte[] buf = new byte[READ_SIZE];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                received(Arrays.copyOf(buf, n));
                // few large chunks for a child that writes fast, without 64 KiB held by each of 2,000 quiet pipes
                if (n == buf.length && buf.length < MAX_READ_SIZE) {
                    buf = new byte[buf.length * 2];
                } else if (n < READ_SIZE && buf.length > READ_SIZE) {
                    buf = new byte[READ_SIZE];
                }
            }
        } catch (IOException e) {
            // the pipe was closed under us: the child is gone
        } catch (RuntimeException e) {
            targets.mainLog().warn("output reader of " + process + " failed: " + e);
        } finally {
            if (pending.length > 0 && !capturing) {
                emit(pending);
            }
            done.complete(null);
        }
    }

    private void received(byte[] data) {
        if (settings == null || settings.captureMaxbytes() <= 0) {
            emit(data);
            return;
        }
        byte[] d = concat(pending, data);
        pending = new byte[0];
        while (d.length > 0) {
            byte[] token = capturing ? END : BEGIN;
            int at = indexOf(d, token);
            if (at >= 0) {
                handle(Arrays.copyOfRange(d, 0, at));
                if (capturing) {
                    emitCommunication();
                }
                capturing = !capturing;
                d = Arrays.copyOfRange(d, at + token.length, d.length);
            } else {
                // a token may be cut between reads: hold back a tail that could start one
                int keep = partialTokenTail(d, token);
                handle(Arrays.copyOfRange(d, 0, d.length - keep));
                pending = Arrays.copyOfRange(d, d.length - keep, d.length);
                break;
            }
        }
    }

    private void handle(byte[] part) {
        if (part.length == 0) {
            return;
        }
        if (capturing) {
            // captured bytes stay out of the log file, but still reach the main log (debug) and
            // PROCESS_LOG events, as the reference's _log does while its capture log is the child log
            byte[] data = targets.stripAnsi() ? AnsiStripper.strip(part) : part;
            announce(data);
            capture(data);
        } else {
            emit(part);
        }
    }

    /**
     * The reference's BoundIO rule, per write: when the write would pass {@code capture_maxbytes}, as many
     * bytes as the write has are dropped from the front (so a single write larger than the bound is kept
     * whole, and the buffer can stay under the bound).
     */
    private void capture(byte[] data) {
        long max = settings.captureMaxbytes();
        if (captured.size() + (long) data.length > max) {
            byte[] all = captured.toByteArray();
            captured.reset();
            if (data.length < all.length) {
                captured.write(all, data.length, all.length - data.length);
            }
        }
        captured.write(data, 0, data.length);
    }

    private void emitCommunication() {
        byte[] data = captured.toByteArray();
        captured.reset();
        EventType type = channel == LogChannel.STDOUT
                ? EventType.PROCESS_COMMUNICATION_STDOUT : EventType.PROCESS_COMMUNICATION_STDERR;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("processname", process);
        h.put("groupname", group);
        h.put("pid", Long.toString(pid));
        targets.events().emit(new SupervisorEvent(type, h, text(data)));
        MainLog log = targets.mainLog();
        if (log.enabled(io.jsupervisor.config.LogLevel.DEBUG)) {
            log.debug("'" + process + "' " + channel.label() + " emitted a comm event");
        }
    }

    private void emit(byte[] raw) {
        byte[] data = targets.stripAnsi() ? AnsiStripper.strip(raw) : raw;
        if (data.length == 0) {
            return;
        }
        targets.output().writeWaiting(group, process, channel, logFile, data);
        announce(data);
    }

    /** The main log copy at debug and the PROCESS_LOG event of output. */
    private void announce(byte[] data) {
        if (data.length == 0) {
            return;
        }
        MainLog log = targets.mainLog();
        if (log.enabled(io.jsupervisor.config.LogLevel.DEBUG)) {
            log.debug("'" + process + "' " + channel.label() + " output:\n" + text(data));
        }
        if (settings != null && settings.eventsEnabled()) {
            EventType type = channel == LogChannel.STDOUT
                    ? EventType.PROCESS_LOG_STDOUT : EventType.PROCESS_LOG_STDERR;
            Map<String, String> h = new LinkedHashMap<>();
            h.put("processname", process);
            h.put("groupname", group);
            h.put("pid", Long.toString(pid));
            h.put("channel", channel.label());
            targets.events().emit(new SupervisorEvent(type, h, text(data)));
        }
    }

    /** UTF-8 text, or the reference's {@code Undecodable: b'...'} when it is not valid UTF-8. */
    static String text(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(data)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            StringBuilder b = new StringBuilder("Undecodable: b'");
            for (byte x : data) {
                int c = x & 0xff;
                if (c == '\\' || c == '\'') {
                    b.append('\\').append((char) c);
                } else if (c == '\n') {
                    b.append("\\n");
                } else if (c == '\r') {
                    b.append("\\r");
                } else if (c == '\t') {
                    b.append("\\t");
                } else if (c < 32 || c >= 127) {
                    b.append(String.format("\\x%02x", c));
                } else {
                    b.append((char) c);
                }
            }
            return b.append('\'').toString();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static int indexOf(byte[] d, byte[] token) {
        outer:
        for (int i = 0; i + token.length <= d.length; i++) {
            for (int j = 0; j < token.length; j++) {
                if (d[i + j] != token[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The length of the longest tail of {@code d} that is a proper prefix of {@code token}. */
    static int partialTokenTail(byte[] d, byte[] token) {
        for (int k = Math.min(token.length - 1, d.length); k > 0; k--) {
            boolean match = true;
            for (int j = 0; j < k; j++) {
                if (d[d.length - k + j] != token[j]) {
                    match = false;
                    break;
                }
            }
            if (match) {
                return k;
            }
        }
        return 0;
    }
}
