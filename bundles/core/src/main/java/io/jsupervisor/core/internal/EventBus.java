package io.jsupervisor.core.internal;

import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.api.SupervisorEventListener;

/** Sends every event, in emission order, to every {@link SupervisorEventListener}. */
final class EventBus {
    static final long MAX_BYTES = 16L << 20;

    private final Whiteboard<SupervisorEventListener, SupervisorEvent> listeners;

    EventBus(MainLog mainLog) {
        listeners = new Whiteboard<>("events", MAX_BYTES,
                e -> 128 + (e.body() == null ? 0 : e.body().length()),
                new DropReporter(mainLog, "event buffer full: dropped %d oldest events (%d bytes) so far"),
                false, // like the reference, an event nobody listens to is gone
                0, // a listener gets the events from its registration on (or from where it left, if it left)
                SupervisorEventListener::onEvent);
    }

    Whiteboard<SupervisorEventListener, SupervisorEvent> listeners() {
        return listeners;
    }

    synchronized void emit(SupervisorEvent event) {
        listeners.publish(event);
    }
}
