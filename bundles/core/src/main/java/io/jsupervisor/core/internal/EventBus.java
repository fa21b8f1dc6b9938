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
                // kept for the first listener: the reference makes a pool before announcing its group, so its
                // listener gets the start-up events (its own PROCESS_GROUP_ADDED first); ours subscribe later
                true,
                // a new listener also gets the events of the last seconds (the events bundle's pools at start-up
                // after another listener took them); a returning one resumes where it left
                OutputHub.REPLAY_MILLIS,
                SupervisorEventListener::onEvent);
    }

    Whiteboard<SupervisorEventListener, SupervisorEvent> listeners() {
        return listeners;
    }

    synchronized void emit(SupervisorEvent event) {
        listeners.publish(event);
    }
}
