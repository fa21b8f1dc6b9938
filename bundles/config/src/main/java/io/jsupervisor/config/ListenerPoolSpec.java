package io.jsupervisor.config;

import java.util.List;

/**
 * The pool settings of an {@code [eventlistener:x]} section.
 *
 * @param events        the subscribed event type names, upper-case, as written (abstract types allowed)
 * @param bufferSize    the pool's event queue bound
 * @param resultHandler the configured result handler entry point
 */
public record ListenerPoolSpec(List<String> events, int bufferSize, String resultHandler) {
    public ListenerPoolSpec {
        events = List.copyOf(events);
    }
}
