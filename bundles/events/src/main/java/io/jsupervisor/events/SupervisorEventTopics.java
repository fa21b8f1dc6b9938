package io.jsupervisor.events;

/**
 * Every Supervisor event is posted (asynchronously, in emission order) to OSGi Event Admin on the topic
 * {@link #TOPIC_PREFIX}{@code <TYPE>}, e.g. {@code io/jsupervisor/event/PROCESS_STATE_RUNNING}. The
 * event's properties are its payload header tokens, key for key as the reference writes them
 * ({@code processname}, {@code groupname}, {@code from_state}, {@code pid}…, all {@code String} values),
 * plus {@link #BODY} when the event has a body. Subscribe to {@link #TOPIC_ALL} for everything.
 */
public final class SupervisorEventTopics {
    /** The topic of an event is this prefix followed by its type name. */
    public static final String TOPIC_PREFIX = "io/jsupervisor/event/";
    /** Matches every Supervisor event topic. */
    public static final String TOPIC_ALL = TOPIC_PREFIX + "*";

    /**
     * The event's body (the text after the token line: captured output, remote communication data,
     * {@code ""} for PROCESS_GROUP_* events); absent when the event has none (state and tick events).
     */
    public static final String BODY = "body";

    /** Payload header keys the reference uses. */
    public static final String PROCESS_NAME = "processname";
    public static final String GROUP_NAME = "groupname";
    public static final String FROM_STATE = "from_state";
    public static final String PID = "pid";
    public static final String EXPECTED = "expected";
    public static final String TRIES = "tries";
    public static final String CHANNEL = "channel";
    public static final String TYPE = "type";
    public static final String WHEN = "when";

    private SupervisorEventTopics() {
    }

    /** The topic an event of this type name ({@code TICK_5}…) is posted on. */
    public static String topicOf(String eventName) {
        return TOPIC_PREFIX + eventName;
    }
}
