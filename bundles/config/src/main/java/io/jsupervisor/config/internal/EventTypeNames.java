package io.jsupervisor.config.internal;

import java.util.Set;

/** The event type names of the reference's {@code EventTypes} (abstract ones included), and our health events. */
final class EventTypeNames {
    static final Set<String> ALL = Set.of("EVENT", "PROCESS_STATE", "PROCESS_STATE_STOPPED",
            "PROCESS_STATE_EXITED", "PROCESS_STATE_STARTING", "PROCESS_STATE_STOPPING", "PROCESS_STATE_BACKOFF",
            "PROCESS_STATE_FATAL", "PROCESS_STATE_RUNNING", "PROCESS_STATE_UNKNOWN", "PROCESS_COMMUNICATION",
            "PROCESS_COMMUNICATION_STDOUT", "PROCESS_COMMUNICATION_STDERR", "PROCESS_LOG", "PROCESS_LOG_STDOUT",
            "PROCESS_LOG_STDERR", "REMOTE_COMMUNICATION", "SUPERVISOR_STATE_CHANGE",
            "SUPERVISOR_STATE_CHANGE_RUNNING", "SUPERVISOR_STATE_CHANGE_STOPPING", "TICK", "TICK_5", "TICK_60",
            "TICK_3600", "PROCESS_GROUP", "PROCESS_GROUP_ADDED", "PROCESS_GROUP_REMOVED",
            // ours (the reference refuses these names; subscribing to EVENT receives them too)
            "PROCESS_HEALTH", "PROCESS_HEALTH_HEALTHY", "PROCESS_HEALTH_UNHEALTHY");

    private EventTypeNames() {
    }
}
