package io.jsupervisor.events.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Events shaped as the core emits them. */
final class Events {
    private Events() {
    }

    static SupervisorEvent state(String group, String process, ProcessState from, ProcessState to) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("processname", process);
        h.put("groupname", group);
        h.put("from_state", from.name());
        if (to == ProcessState.RUNNING || to == ProcessState.STOPPED || to == ProcessState.STOPPING) {
            h.put("pid", "4242");
        }
        if (to == ProcessState.EXITED) {
            h.put("expected", "0");
            h.put("pid", "4242");
        }
        if (to == ProcessState.STARTING || to == ProcessState.BACKOFF) {
            h.put("tries", "0");
        }
        return new SupervisorEvent(EventType.ofState(to), h, null);
    }

    static SupervisorEvent remote(String type, String data) {
        return new SupervisorEvent(EventType.REMOTE_COMMUNICATION, Map.of("type", type), data);
    }

    static SupervisorEvent tick5(long when) {
        return new SupervisorEvent(EventType.TICK_5, Map.of("when", Long.toString(when)), null);
    }

    static SupervisorEvent groupAdded(String group) {
        return new SupervisorEvent(EventType.PROCESS_GROUP_ADDED, Map.of("groupname", group), "");
    }

    static SupervisorEvent groupRemoved(String group) {
        return new SupervisorEvent(EventType.PROCESS_GROUP_REMOVED, Map.of("groupname", group), "");
    }

    static SupervisorEvent supervisor(EventType type) {
        return new SupervisorEvent(type, Map.of(), null);
    }
}
