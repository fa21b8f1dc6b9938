package io.jsupervisor.events.internal;

/** A listener's protocol state, as the reference's {@code EventListenerStates}. */
enum ListenerState {
    /** Ready to be sent an event. */
    READY,
    /** Processing the event it was sent. */
    BUSY,
    /** Spawned, or done with an event: waiting for {@code READY\n}. */
    ACKNOWLEDGED,
    /** Broke the protocol: gets nothing until its process is restarted. */
    UNKNOWN
}
