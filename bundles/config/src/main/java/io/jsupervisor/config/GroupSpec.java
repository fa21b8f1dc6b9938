package io.jsupervisor.config;

import java.util.List;

/**
 * A process group as configured.
 *
 * @param name      the group name
 * @param priority  the group priority (start low first, stop high first)
 * @param kind      the section kind it came from
 * @param processes its processes, in configuration order
 * @param pool      the listener pool settings, only for {@link GroupKind#EVENTLISTENER}, else {@code null}
 */
public record GroupSpec(String name, int priority, GroupKind kind, List<ProcessSpec> processes,
                        ListenerPoolSpec pool) {
    public GroupSpec {
        processes = List.copyOf(processes);
    }
}
