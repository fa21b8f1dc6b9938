package io.jsupervisor.api;

/** The reference's event types, with their abstract parents ({@code EVENT} matches all), and our health events. */
public enum EventType {
    EVENT(null),
    PROCESS_STATE(EVENT),
    PROCESS_STATE_STOPPED(PROCESS_STATE),
    PROCESS_STATE_EXITED(PROCESS_STATE),
    PROCESS_STATE_STARTING(PROCESS_STATE),
    PROCESS_STATE_STOPPING(PROCESS_STATE),
    PROCESS_STATE_BACKOFF(PROCESS_STATE),
    PROCESS_STATE_FATAL(PROCESS_STATE),
    PROCESS_STATE_RUNNING(PROCESS_STATE),
    PROCESS_STATE_UNKNOWN(PROCESS_STATE),
    PROCESS_COMMUNICATION(EVENT),
    PROCESS_COMMUNICATION_STDOUT(PROCESS_COMMUNICATION),
    PROCESS_COMMUNICATION_STDERR(PROCESS_COMMUNICATION),
    PROCESS_LOG(EVENT),
    PROCESS_LOG_STDOUT(PROCESS_LOG),
    PROCESS_LOG_STDERR(PROCESS_LOG),
    REMOTE_COMMUNICATION(EVENT),
    SUPERVISOR_STATE_CHANGE(EVENT),
    SUPERVISOR_STATE_CHANGE_RUNNING(SUPERVISOR_STATE_CHANGE),
    SUPERVISOR_STATE_CHANGE_STOPPING(SUPERVISOR_STATE_CHANGE),
    TICK(EVENT),
    TICK_5(TICK),
    TICK_60(TICK),
    TICK_3600(TICK),
    PROCESS_GROUP(EVENT),
    PROCESS_GROUP_ADDED(PROCESS_GROUP),
    PROCESS_GROUP_REMOVED(PROCESS_GROUP),
    /** An extension: a process's health changed ({@link HealthState}); never emitted without a healthcheck. */
    PROCESS_HEALTH(EVENT),
    PROCESS_HEALTH_HEALTHY(PROCESS_HEALTH),
    PROCESS_HEALTH_UNHEALTHY(PROCESS_HEALTH);

    private final EventType parent;

    EventType(EventType parent) {
        this.parent = parent;
    }

    /** True when a subscription to {@code type} receives events of this type. */
    public boolean isA(EventType type) {
        for (EventType t = this; t != null; t = t.parent) {
            if (t == type) {
                return true;
            }
        }
        return false;
    }

    /** The state event for a state. */
    public static EventType ofState(ProcessState state) {
        return valueOf("PROCESS_STATE_" + state.name());
    }
}
