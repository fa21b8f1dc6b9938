package io.jsupervisor.events.internal;

/** Something a listener's output meant, in the order it happened. */
sealed interface ProtocolOutcome {
    /** The listener state changed (the reference logs these at debug). */
    record Transition(ListenerState from, ListenerState to) implements ProtocolOutcome {
    }

    /** The result was {@code OK}: the event in flight is done. */
    record Processed() implements ProtocolOutcome {
    }

    /** Any other result (e.g. {@code FAIL}): the event in flight goes back to the pool. */
    record Rejected(String result) implements ProtocolOutcome {
    }

    /**
     * The line after an event did not end in a number; {@code line} is the whole line as the reference
     * renders it in its warning. The event in flight goes back to the pool.
     */
    record BadResultLine(String line) implements ProtocolOutcome {
    }
}
