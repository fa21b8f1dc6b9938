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
    /**
     * Output that came while no process of this listener was known to run, one entry per read. Events and
     * output reach the pools on two threads, so a new process's {@code READY\n} can come before its STARTING
     * event; the tail of a dead process's output can also come after its exit. Kept until the STARTING event
     * decides (see {@link ListenerPool#processState}); bounded.
     */
    final java.util.ArrayDeque<byte[]> early = new java.util.ArrayDeque<>();
    int earlyBytes;
    static final int MAX_EARLY_BYTES = 64 * 1024;

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
