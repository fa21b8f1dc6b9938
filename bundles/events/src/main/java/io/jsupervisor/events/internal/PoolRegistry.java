package io.jsupervisor.events.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * All listener pools of the daemon: routes each event to the pools that subscribe to it, gives the
 * daemon-wide serial, follows the pools' groups being added and removed, and feeds listener output to
 * its pool. Thread-safe: every method takes the registry's lock, so pool state has one writer at a time.
 */
final class PoolRegistry {
    private static final String STATE_EVENT_PREFIX = "PROCESS_STATE_";

    private final Map<String, ListenerPool> pools = new LinkedHashMap<>();
    /** Survives in-process restarts, as the reference's GlobalSerial does. */
    private final SerialCounter serials = new SerialCounter();
    private final Function<String, Optional<PoolDefinition>> definitions;
    private final PoolLog log;
    /** SUPERVISOR_STATE_CHANGE_STOPPING seen: if groups are added again, it is an in-process restart. */
    private boolean stopping;

    /**
     * @param definitions the pool of a group name, if that group is a listener pool (read when the
     *                    group is added)
     */
    PoolRegistry(Function<String, Optional<PoolDefinition>> definitions, PoolLog log) {
        this.definitions = definitions;
        this.log = log;
    }

    /**
     * Creates the pools of groups that already run (when this bundle starts after the core).
     *
     * @param processStates the current state of (group, process)
     */
    synchronized void addExisting(List<PoolDefinition> running,
                                  BiFunction<String, String, ProcessState> processStates) {
        for (PoolDefinition definition : running) {
            pools.put(definition.name(),
                    new ListenerPool(definition, p -> processStates.apply(definition.name(), p), log));
        }
    }

    /** Queues an event in every pool subscribed to it, in the order the core emitted it. */
    synchronized void event(SupervisorEvent event) {
        followGroups(event);
        long serial = -1;
        for (ListenerPool pool : pools.values()) {
            int copies = pool.subscriptionsMatching(event.type());
            if (copies > 0) {
                if (serial < 0) {
                    serial = serials.next(); // only events that enter a pool use a number
                }
                pool.accept(event, serial, copies);
            }
        }
        followListenerStates(event);
    }

    /** A child's stdout bytes; false when the child is not in a pool (most are not). */
    synchronized boolean output(String group, String process, byte[] data) {
        ListenerPool pool = pools.get(group);
        if (pool == null) {
            return false;
        }
        pool.output(process, data);
        return true;
    }

    /** Hands queued events to ready listeners, in every pool. */
    synchronized void dispatch(StdinWriter writer, Supplier<String> server) {
        for (ListenerPool pool : pools.values()) {
            pool.dispatch(writer, server);
        }
    }

    /** A pool's queued events, head first, or empty for no such pool (for tests and diagnostics). */
    synchronized List<PooledEvent> queued(String pool) {
        ListenerPool p = pools.get(pool);
        return p == null ? List.of() : p.queued();
    }

    /** A listener's protocol state, or {@code null} for no such pool or listener (for tests and diagnostics). */
    synchronized ListenerState listenerState(String pool, String process) {
        ListenerPool p = pools.get(pool);
        return p == null ? null : p.listenerState(process);
    }

    synchronized List<String> poolNames() {
        return new ArrayList<>(pools.keySet());
    }

    /**
     * The reference makes a group's pool before announcing the group (so a pool gets its own
     * PROCESS_GROUP_ADDED) and drops it before announcing its removal. An in-process restart makes all
     * pools anew (fresh queues and pool serials): seen here as groups added after STOPPING.
     */
    private void followGroups(SupervisorEvent event) {
        switch (event.type()) {
            case SUPERVISOR_STATE_CHANGE_STOPPING -> stopping = true;
            case SUPERVISOR_STATE_CHANGE_RUNNING -> startNewGeneration();
            case PROCESS_GROUP_ADDED -> {
                startNewGeneration();
                String group = event.headers().get("groupname");
                pools.remove(group);
                definitions.apply(group).ifPresent(d ->
                        pools.put(group, new ListenerPool(d, p -> ProcessState.STOPPED, log)));
            }
            case PROCESS_GROUP_REMOVED -> pools.remove(event.headers().get("groupname"));
            default -> {
            }
        }
    }

    private void startNewGeneration() {
        if (stopping) {
            stopping = false;
            pools.clear();
        }
    }

    private void followListenerStates(SupervisorEvent event) {
        String typeName = event.type().name();
        if (!event.type().isA(EventType.PROCESS_STATE) || !typeName.startsWith(STATE_EVENT_PREFIX)) {
            return;
        }
        ListenerPool pool = pools.get(event.headers().get("groupname"));
        if (pool != null) {
            ProcessState state = ProcessState.valueOf(typeName.substring(STATE_EVENT_PREFIX.length()));
            pool.processState(event.headers().get("processname"), state);
        }
    }
}
