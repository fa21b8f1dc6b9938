package io.jsupervisor.events.internal;

import io.jsupervisor.api.ProcessState;

/** One listener process of a pool: its process state, its protocol state and the event it holds. */
final class Listener {
    final String name;
    final String namespec;
    final ListenerProtocol protocol = new ListenerProtocol();
    ProcessState processState;
    /**
     * A process of this listener runs (since its STARTING event, until its exit). Output that comes
     * while none runs is the tail of a dead process's: it must not reach the next process's protocol.
     */
    boolean alive;
    /** The event written to it and not yet answered, or {@code null}. */
    PooledEvent inFlight;

    Listener(String group, String name, ProcessState processState) {
        this.name = name;
        this.namespec = group.equals(name) ? name : group + ":" + name;
        this.processState = processState;
        this.alive = processState == ProcessState.STARTING || processState == ProcessState.RUNNING
                || processState == ProcessState.STOPPING;
    }

    /** The reference only writes to a listener whose process is RUNNING and which said READY. */
    boolean canTakeEvent() {
        return processState == ProcessState.RUNNING && protocol.state() == ListenerState.READY;
    }
}
