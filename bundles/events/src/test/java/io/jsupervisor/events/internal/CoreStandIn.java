package io.jsupervisor.events.internal;

import io.jsupervisor.api.SupervisorEvent;
import java.nio.file.Path;
import java.util.List;

/**
 * Drives a {@link PoolRegistry} the way {@link EventListenerPools} does, with real listener processes:
 * every event and every stdout read is followed by a dispatch whose writes go to real pipes.
 */
final class CoreStandIn implements AutoCloseable {
    static final String SERVER = "svxid";

    final RecordingLog log = new RecordingLog();
    final PoolRegistry registry;
    final RealListeners listeners;

    CoreStandIn(Path dir, PoolDefinition... pools) {
        List<PoolDefinition> all = List.of(pools);
        registry = new PoolRegistry(name -> all.stream().filter(p -> p.name().equals(name)).findFirst(), log);
        listeners = new RealListeners(dir, this::output);
    }

    void emit(SupervisorEvent event) {
        registry.event(event);
        dispatch();
    }

    List<PooledEvent> queued(String pool) {
        return registry.queued(pool);
    }

    ListenerState listenerState(String pool, String process) {
        return registry.listenerState(pool, process);
    }

    private void output(String group, String process, byte[] data) {
        registry.output(group, process, data);
        dispatch();
    }

    private void dispatch() {
        registry.dispatch(listeners::write, () -> SERVER);
    }

    @Override
    public void close() {
        listeners.close();
    }
}
