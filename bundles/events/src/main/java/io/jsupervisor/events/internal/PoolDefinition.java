package io.jsupervisor.events.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.config.GroupKind;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.ProcessSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a pool needs from its {@code [eventlistener:x]} section.
 *
 * @param name          the pool (group) name
 * @param bufferSize    {@code buffer_size}
 * @param subscriptions {@code events}, in the order written (duplicates kept, as the reference does)
 * @param processNames  the listener process names, in configuration order (the dispatch order)
 */
record PoolDefinition(String name, int bufferSize, List<EventType> subscriptions, List<String> processNames) {
    PoolDefinition {
        subscriptions = List.copyOf(subscriptions);
        processNames = List.copyOf(processNames);
    }

    /** The pool of a listener group; empty for any other kind of group. */
    static Optional<PoolDefinition> of(GroupSpec group) {
        if (group.kind() != GroupKind.EVENTLISTENER || group.pool() == null) {
            return Optional.empty();
        }
        List<EventType> types = new ArrayList<>();
        for (String name : group.pool().events()) {
            try {
                types.add(EventType.valueOf(name.toUpperCase(java.util.Locale.ROOT)));
            } catch (IllegalArgumentException unknown) {
                // the config reader refuses unknown names; nothing to subscribe to here
            }
        }
        List<String> names = group.processes().stream().map(ProcessSpec::name).toList();
        return Optional.of(new PoolDefinition(group.name(), group.pool().bufferSize(), types, names));
    }
}
