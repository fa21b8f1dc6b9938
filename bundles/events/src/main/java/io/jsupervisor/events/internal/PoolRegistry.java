package io.jsupervisor.events.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
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
    /** Handed over to a successor: takes nothing more, so that what comes now is delivered to the successor. */
    private boolean closed;
    /** The last output chunk applied (core sequence), and the one up to which chunks were applied by a predecessor. */
    private long lastOutputSequence = -1;
    private long appliedByPredecessor = -1;
    /** SUPERVISOR_STATE_CHANGE_STOPPING seen: if groups are added again, it is an in-process restart. */
    private boolean stopping;
    /**
     * The pools that ran when this instance started without a handover, with their listeners' states then:
     * adopted at the first event that is not a PROCESS_GROUP_ADDED (see {@link #adoptAtFirstEvent}).
     */
    private List<PoolDefinition> toAdopt = List.of();
    private BiFunction<String, String, ProcessState> adoptedStates;
    /**
     * Output of those pools' listeners read while their pool does not exist yet (the core's output replay can
     * come before its event replay), by group, one entry per read; given to the pool when it is made.
     */
    private final Map<String, Deque<OrphanRead>> orphanOutput = new HashMap<>();
    static final int MAX_ORPHAN_BYTES = 4 * Listener.MAX_EARLY_BYTES;

    private record OrphanRead(String process, byte[] data) {
    }

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

    /**
     * The pools that run now, for an instance that starts without a handover: the core replays to a new
     * subscriber the events of its last seconds, so at daemon start-up the first events this instance gets are
     * the PROCESS_GROUP_ADDED of every group, from which the pools are made exactly as the reference makes them
     * (with their own PROCESS_GROUP_ADDED, serial 0 for the first). Pools the replay does not create (the bundle
     * started later than the replay reaches) are adopted, in the states given now, at the first event that is
     * not a PROCESS_GROUP_ADDED. Adopting them at once would make them twice at start-up: the replayed
     * PROCESS_GROUP_ADDED would replace the adopted pool and lose the {@code READY} it had read.
     *
     * @param processStates the current state of (group, process)
     */
    synchronized void adoptAtFirstEvent(List<PoolDefinition> running,
                                        BiFunction<String, String, ProcessState> processStates) {
        toAdopt = List.copyOf(running);
        adoptedStates = processStates;
        for (PoolDefinition definition : running) {
            orphanOutput.put(definition.name(), new ArrayDeque<>());
        }
    }

    /** Queues an event in every pool subscribed to it, in the order the core emitted it. */
    synchronized void event(SupervisorEvent event) {
        if (closed) {
            return;
        }
        if (!toAdopt.isEmpty() && event.type() != EventType.PROCESS_GROUP_ADDED) {
            adoptPending();
        }
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

    /**
     * A child's stdout chunk with the core's sequence number; false when the child is not in a pool (most are
     * not), or the chunk was already applied by a predecessor (the core delivers it again after an update).
     */
    synchronized boolean output(long sequence, String group, String process, byte[] data) {
        if (closed || sequence <= appliedByPredecessor) {
            return false;
        }
        lastOutputSequence = Math.max(lastOutputSequence, sequence);
        return output(group, process, data);
    }

    /** A child's stdout bytes; false when the child is not in a pool (most are not). */
    synchronized boolean output(String group, String process, byte[] data) {
        if (closed) {
            return false;
        }
        ListenerPool pool = pools.get(group);
        if (pool == null) {
            keepOrphan(group, process, data);
            return false;
        }
        pool.output(process, data);
        return true;
    }

    private void keepOrphan(String group, String process, byte[] data) {
        Deque<OrphanRead> reads = orphanOutput.get(group);
        if (reads == null) {
            return;
        }
        reads.addLast(new OrphanRead(process, data.clone()));
        long bytes = reads.stream().mapToLong(r -> r.data().length).sum();
        while (bytes > MAX_ORPHAN_BYTES && reads.size() > 1) {
            bytes -= reads.pollFirst().data().length;
        }
    }

    /** A pool was made for a group whose output was kept meanwhile: the pool takes it (in read order). */
    private void giveOrphanOutput(ListenerPool pool) {
        Deque<OrphanRead> reads = orphanOutput.remove(pool.name());
        if (reads != null) {
            reads.forEach(r -> pool.output(r.process(), r.data()));
        }
    }

    private void adoptPending() {
        for (PoolDefinition definition : toAdopt) {
            if (!pools.containsKey(definition.name())) {
                ListenerPool pool = new ListenerPool(definition,
                        p -> adoptedStates.apply(definition.name(), p), log);
                pools.put(definition.name(), pool);
                giveOrphanOutput(pool);
            }
        }
        toAdopt = List.of();
        adoptedStates = null;
        orphanOutput.clear();
    }

    /** Hands queued events to ready listeners, in every pool. */
    synchronized void dispatch(StdinWriter writer, Supplier<String> server) {
        if (closed) {
            return;
        }
        for (ListenerPool pool : pools.values()) {
            pool.dispatch(writer, server);
        }
    }

    /**
     * Stops taking events and output, and returns what a successor needs to carry on: it is called once the
     * core no longer delivers to this instance, so what arrives afterwards goes to the successor.
     */
    synchronized Handover.RegistryState close() {
        closed = true;
        List<Handover.PoolState> states = new ArrayList<>();
        for (ListenerPool pool : pools.values()) {
            states.add(pool.snapshot());
        }
        return new Handover.RegistryState(serials.last(), stopping, states);
    }

    /** The last output chunk (core sequence) applied; -1 for none. */
    synchronized long lastOutputSequence() {
        return lastOutputSequence;
    }

    /**
     * Carries on from a predecessor: its counters, and its pools whose groups are still configured (a group
     * added or removed meanwhile comes as the event the core kept for us).
     *
     * @param lastOutputSequence the last output chunk the predecessor applied: not applied again
     */
    synchronized void restore(Handover.RegistryState state, long lastOutputSequence) {
        serials.continueFrom(state.lastSerial());
        stopping = state.stopping();
        appliedByPredecessor = lastOutputSequence;
        this.lastOutputSequence = lastOutputSequence;
        pools.clear();
        for (Handover.PoolState saved : state.pools()) {
            definitions.apply(saved.name()).ifPresent(d -> {
                ListenerPool pool = new ListenerPool(d, p -> ProcessState.STOPPED, log);
                pool.restore(saved);
                pools.put(d.name(), pool);
            });
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
                definitions.apply(group).ifPresent(d -> {
                    ListenerPool pool = new ListenerPool(d, p -> ProcessState.STOPPED, log);
                    pools.put(group, pool);
                    giveOrphanOutput(pool);
                });
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
