package io.jsupervisor.events.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One {@code [eventlistener:x]} pool (the reference's {@code EventListenerPool}): a bounded FIFO of
 * events, handed one at a time to the first RUNNING and READY listener. Not thread-safe: the pool
 * registry calls it under its lock.
 */
final class ListenerPool {
    private final PoolDefinition definition;
    private final PoolLog log;
    private final Map<String, Listener> listeners = new LinkedHashMap<>();
    private final Deque<PooledEvent> buffer = new ArrayDeque<>();
    private final SerialCounter poolSerials = new SerialCounter();

    /** @param initialStates each listener's process state now (STOPPED when unknown) */
    ListenerPool(PoolDefinition definition, Function<String, ProcessState> initialStates, PoolLog log) {
        this.definition = definition;
        this.log = log;
        for (String process : definition.processNames()) {
            listeners.put(process, new Listener(definition.name(), process, initialStates.apply(process)));
        }
    }

    String name() {
        return definition.name();
    }

    /**
     * How many of the pool's subscriptions this event type matches. The reference subscribes once
     * per {@code events} entry, so overlapping entries (e.g. {@code PROCESS_STATE,PROCESS_STATE_EXITED})
     * queue the event once per match, with the same serials; we keep that.
     */
    int subscriptionsMatching(EventType type) {
        int matches = 0;
        for (EventType subscription : definition.subscriptions()) {
            if (type.isA(subscription)) {
                matches++;
            }
        }
        return matches;
    }

    /** Queues an event this pool subscribes to ({@code copies} = matching subscriptions). */
    void accept(SupervisorEvent event, long serial, int copies) {
        PooledEvent pooled = new PooledEvent(event, serial, poolSerials.next());
        add(pooled, false);
        for (int i = 1; i < copies; i++) {
            rebuffer(pooled, false);
        }
    }

    /** Hands queued events to ready listeners until none is left that can take one. */
    void dispatch(StdinWriter writer, Supplier<String> server) {
        if (listeners.values().stream().noneMatch(Listener::canTakeEvent)) {
            return;
        }
        while (!buffer.isEmpty()) {
            PooledEvent next = buffer.pollFirst();
            if (!send(next, writer, server)) {
                rebuffer(next, true);
                return;
            }
        }
    }

    /** A listener's stdout. */
    void output(String process, byte[] data) {
        Listener listener = listeners.get(process);
        if (listener == null) {
            return;
        }
        if (!listener.alive) {
            keepEarly(listener, data);
            return;
        }
        feed(listener, data);
    }

    private void feed(Listener listener, byte[] data) {
        PooledEvent rejected = null;
        for (ProtocolOutcome outcome : listener.protocol.feed(data)) {
            if (outcome instanceof ProtocolOutcome.Transition t) {
                logTransition(listener, t);
            } else if (outcome instanceof ProtocolOutcome.Processed) {
                log.debug(listener.name + ": event was processed");
                listener.inFlight = null;
            } else if (outcome instanceof ProtocolOutcome.Rejected) {
                log.warn(listener.name + ": event was rejected");
                rejected = takeInFlight(listener, rejected);
            } else if (outcome instanceof ProtocolOutcome.BadResultLine bad) {
                log.warn(listener.name + ": bad result line: '" + bad.line() + "'");
                rejected = takeInFlight(listener, rejected);
            }
        }
        if (rejected != null) {
            rebuffer(rejected, true);
        }
    }

    private void keepEarly(Listener listener, byte[] data) {
        listener.early.addLast(data);
        listener.earlyBytes += data.length;
        while (listener.earlyBytes > Listener.MAX_EARLY_BYTES && listener.early.size() > 1) {
            listener.earlyBytes -= listener.early.pollFirst().length;
        }
    }

    /**
     * At a process's STARTING event: the output that came before it. A new process's output starts with its
     * {@code READY\n} read on its own (a new pipe), so what precedes the last read starting with it is the tail
     * of the dead process, and is dropped.
     */
    private void feedEarly(Listener listener) {
        java.util.List<byte[]> reads = new ArrayList<>(listener.early);
        listener.early.clear();
        listener.earlyBytes = 0;
        int from = -1;
        for (int i = reads.size() - 1; i >= 0 && from < 0; i--) {
            if (startsWithReady(reads.get(i))) {
                from = i;
            }
        }
        if (from < 0) {
            if (!reads.isEmpty()) {
                log.debug(listener.name + ": ignoring output of an exited process");
            }
            return;
        }
        for (int i = from; i < reads.size(); i++) {
            feed(listener, reads.get(i));
        }
    }

    private static boolean startsWithReady(byte[] data) {
        byte[] ready = {'R', 'E', 'A', 'D', 'Y', '\n'};
        return data.length >= ready.length && java.util.Arrays.equals(data, 0, ready.length, ready, 0, ready.length);
    }

    /**
     * A listener's process changed state. A new process starts ACKNOWLEDGED (the reference makes a new
     * dispatcher at spawn). When a process dies, the event it held goes back to the head of the queue,
     * for another listener.
     */
    void processState(String process, ProcessState state) {
        Listener listener = listeners.get(process);
        if (listener == null) {
            return;
        }
        listener.processState = state;
        switch (state) {
            case STARTING -> {
                listener.alive = true;
                listener.protocol.reset();
                feedEarly(listener);
            }
            case RUNNING, STOPPING -> {
                if (!listener.alive) { // its STARTING came before we subscribed (the bundle started meanwhile)
                    listener.alive = true;
                    listener.protocol.reset();
                    feedEarly(listener);
                }
            }
            case STOPPED, EXITED, BACKOFF, FATAL -> {
                listener.alive = false;
                listener.protocol.reset();
                listener.early.clear(); // what came before the exit was heard is the dead process's
                listener.earlyBytes = 0;
                PooledEvent held = listener.inFlight;
                listener.inFlight = null;
                if (held != null) {
                    rebuffer(held, true);
                }
            }
            default -> {
            }
        }
    }

    /** Everything a successor needs to carry on with this pool (see {@link Handover}). */
    Handover.PoolState snapshot() {
        List<Handover.ListenerSnapshot> states = new ArrayList<>();
        for (Map.Entry<String, Listener> e : listeners.entrySet()) {
            Listener l = e.getValue();
            states.add(new Handover.ListenerSnapshot(e.getKey(), l.processState, l.alive, l.protocol.snapshot(),
                    l.inFlight));
        }
        return new Handover.PoolState(definition.name(), poolSerials.last(), queued(), states);
    }

    /**
     * Carries on from a predecessor's {@link #snapshot()}: its queue (before anything queued here), its
     * counter, and the state of every listener that is still in the pool.
     */
    void restore(Handover.PoolState state) {
        poolSerials.continueFrom(state.lastPoolSerial());
        List<PooledEvent> mine = new ArrayList<>(buffer);
        buffer.clear();
        buffer.addAll(state.queued());
        buffer.addAll(mine);
        for (Handover.ListenerSnapshot saved : state.listeners()) {
            Listener listener = listeners.get(saved.process());
            if (listener != null) {
                listener.processState = saved.processState();
                listener.alive = saved.alive();
                listener.protocol.restore(saved.protocol());
                listener.inFlight = saved.inFlight();
            }
        }
    }

    /** The queued events, head first (for tests and diagnostics). */
    List<PooledEvent> queued() {
        return new ArrayList<>(buffer);
    }

    /** A listener's protocol state (for tests and diagnostics), or {@code null} for no such listener. */
    ListenerState listenerState(String process) {
        Listener listener = listeners.get(process);
        return listener == null ? null : listener.protocol.state();
    }

    private boolean send(PooledEvent event, StdinWriter writer, Supplier<String> server) {
        for (Listener listener : listeners.values()) {
            if (!listener.canTakeEvent()) {
                continue;
            }
            byte[] envelope = Envelope.encode(server.get(), event.serial(), definition.name(), event.poolSerial(),
                    event.event().type().name(), event.event().payload());
            if (!writer.write(listener.namespec, envelope)) {
                log.debug("epipe occurred while sending event " + event.serial() + " to listener "
                        + listener.name + ", listener state unchanged");
                continue;
            }
            listener.protocol.eventSent();
            listener.inFlight = event;
            log.debug("event " + event.serial() + " sent to listener " + listener.name);
            return true;
        }
        return false;
    }

    private void rebuffer(PooledEvent event, boolean head) {
        log.debug("rebuffering event " + event.serial() + " for pool " + definition.name()
                + " (buf size=" + buffer.size() + ", max=" + definition.bufferSize() + ")");
        add(event, head);
    }

    /** The reference drops the oldest event when full, even when the new one goes to the head. */
    private void add(PooledEvent event, boolean head) {
        if (buffer.size() >= definition.bufferSize() && !buffer.isEmpty()) {
            PooledEvent discarded = buffer.pollFirst();
            log.error("pool " + definition.name() + " event buffer overflowed, discarding event "
                    + discarded.serial());
        }
        if (head) {
            buffer.addFirst(event);
        } else {
            buffer.addLast(event);
        }
    }

    private static PooledEvent takeInFlight(Listener listener, PooledEvent already) {
        PooledEvent held = listener.inFlight;
        listener.inFlight = null;
        return held != null ? held : already;
    }

    private void logTransition(Listener listener, ProtocolOutcome.Transition t) {
        log.debug(listener.name + ": " + t.from() + " -> " + t.to());
        if (t.to() == ListenerState.UNKNOWN) {
            log.warn(listener.name + ": has entered the UNKNOWN state and will no longer receive events, "
                    + "this usually indicates the process violated the eventlistener protocol");
        }
    }
}
