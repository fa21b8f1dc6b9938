package io.jsupervisor.events.internal;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads one listener's stdout and tracks its protocol state, as the reference's
 * {@code PEventListenerDispatcher.handle_listener_state_change} does: {@code READY\n} while
 * ACKNOWLEDGED (decided once 6 bytes are in), then, once sent an event, {@code RESULT <n>\n} and
 * exactly n bytes. Not thread-safe: its pool calls it under the pool registry's lock.
 *
 * <p>One deliberate difference: a complete result is handled as soon as its last byte is in. The
 * reference waits for one more read when {@code RESULT 0\n} ends a read; the outcome is the same.
 */
final class ListenerProtocol {
    private static final byte[] READY_TOKEN = {'R', 'E', 'A', 'D', 'Y', '\n'};
    /** The result line's first bytes are skipped, not checked against {@code "RESULT "}. */
    private static final int RESULT_TOKEN_START_LEN = "RESULT ".length();
    private static final byte[] OK = {'O', 'K'};
    private static final byte[] NOTHING = new byte[0];

    private ListenerState state = ListenerState.ACKNOWLEDGED;
    private byte[] pending = NOTHING;
    /** The announced result length, or -1 while the result line is still coming. */
    private long resultLength = -1;
    private final ByteArrayOutputStream result = new ByteArrayOutputStream();

    ListenerState state() {
        return state;
    }

    /** A new process was spawned for this listener: it starts again ACKNOWLEDGED with nothing read. */
    void reset() {
        state = ListenerState.ACKNOWLEDGED;
        pending = NOTHING;
        resultLength = -1;
        result.reset();
    }

    /** Where this protocol stands, for a successor (see {@link Handover}). */
    Handover.ProtocolSnapshot snapshot() {
        return new Handover.ProtocolSnapshot(state, pending.clone(), resultLength, result.toByteArray());
    }

    /** Carries on from a predecessor's {@link #snapshot()}. */
    void restore(Handover.ProtocolSnapshot snapshot) {
        state = snapshot.state();
        pending = snapshot.pending().clone();
        resultLength = snapshot.resultLength();
        result.reset();
        result.writeBytes(snapshot.result());
    }

    /** An event envelope was written to the listener (the reference sets BUSY without logging it). */
    void eventSent() {
        state = ListenerState.BUSY;
    }

    /** Takes the next bytes the listener wrote and says what they meant. */
    List<ProtocolOutcome> feed(byte[] data) {
        List<ProtocolOutcome> outcomes = new ArrayList<>(2);
        pending = concat(pending, data);
        boolean progress = true;
        while (progress && (pending.length > 0 || state == ListenerState.BUSY && resultLength >= 0)) {
            progress = switch (state) {
                case UNKNOWN -> discardAll();
                case ACKNOWLEDGED -> readReady(outcomes);
                case READY -> spuriousOutput(outcomes);
                case BUSY -> readResult(outcomes);
            };
        }
        return outcomes;
    }

    private boolean discardAll() {
        pending = NOTHING;
        return false;
    }

    private boolean readReady(List<ProtocolOutcome> outcomes) {
        if (pending.length < READY_TOKEN.length) {
            return false;
        }
        if (Arrays.equals(pending, 0, READY_TOKEN.length, READY_TOKEN, 0, READY_TOKEN.length)) {
            change(ListenerState.READY, outcomes);
            pending = Arrays.copyOfRange(pending, READY_TOKEN.length, pending.length);
            return true;
        }
        change(ListenerState.UNKNOWN, outcomes);
        pending = NOTHING;
        return false;
    }

    /** Output while READY, before any event was sent: the reference is strict about it. */
    private boolean spuriousOutput(List<ProtocolOutcome> outcomes) {
        change(ListenerState.UNKNOWN, outcomes);
        pending = NOTHING;
        return false;
    }

    private boolean readResult(List<ProtocolOutcome> outcomes) {
        if (resultLength < 0) {
            int newline = indexOf(pending, (byte) '\n');
            if (newline < 0) {
                return false;
            }
            byte[] line = Arrays.copyOfRange(pending, 0, newline);
            pending = Arrays.copyOfRange(pending, newline + 1, pending.length);
            byte[] number = line.length > RESULT_TOKEN_START_LEN
                    ? Arrays.copyOfRange(line, RESULT_TOKEN_START_LEN, line.length) : NOTHING;
            Long length = PyText.parseInt(number);
            // a negative length would wedge the reference's listener forever; we call it a bad line
            if (length == null || length < 0) {
                outcomes.add(new ProtocolOutcome.BadResultLine(PyText.decodeOrUndecodable(line)));
                change(ListenerState.UNKNOWN, outcomes);
                pending = NOTHING;
                return false;
            }
            resultLength = length;
            result.reset();
        }
        int needed = (int) Math.min(resultLength - result.size(), pending.length);
        result.write(pending, 0, needed);
        pending = Arrays.copyOfRange(pending, needed, pending.length);
        if (result.size() < resultLength) {
            return false;
        }
        handleResult(result.toByteArray(), outcomes);
        resultLength = -1;
        result.reset();
        return true;
    }

    /** The reference's {@code default_handler}: {@code OK} is processed, anything else rejected. */
    private void handleResult(byte[] bytes, List<ProtocolOutcome> outcomes) {
        if (Arrays.equals(bytes, OK)) {
            outcomes.add(new ProtocolOutcome.Processed());
        } else {
            outcomes.add(new ProtocolOutcome.Rejected(PyText.decodeOrUndecodable(bytes)));
        }
        change(ListenerState.ACKNOWLEDGED, outcomes);
    }

    private void change(ListenerState to, List<ProtocolOutcome> outcomes) {
        outcomes.add(new ProtocolOutcome.Transition(state, to));
        state = to;
    }

    private static int indexOf(byte[] b, byte value) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b.clone();
        }
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
