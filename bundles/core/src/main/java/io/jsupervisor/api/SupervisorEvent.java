package io.jsupervisor.api;

import java.util.Map;

/**
 * An event as the reference emits it. The listener protocol's payload is {@code headers} written as
 * {@code key:value} tokens joined by single spaces, followed by {@code "\n" + body} when {@code body}
 * is not {@code null} (PROCESS_GROUP_* events have an empty body, hence their trailing newline).
 *
 * @param type    the concrete type
 * @param headers the payload tokens, in the reference's order
 * @param body    the data after the token line, or {@code null}
 */
public record SupervisorEvent(EventType type, Map<String, String> headers, String body) {
    public SupervisorEvent {
        headers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }

    /** The payload bytes' text exactly as written after the envelope header. */
    public String payload() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(e.getKey()).append(':').append(e.getValue());
        }
        if (body != null) {
            b.append('\n').append(body);
        }
        return b.toString();
    }
}
