package io.jsupervisor.config.internal;

import io.jsupervisor.config.GroupSpec;
import java.util.List;

/** The {@code depends_on} graph across all programs: unknown names and cycles are refused at load. */
final class DependencyGraph {
    private DependencyGraph() {
    }

    static void check(ReadState state, List<GroupSpec> groups) {
    }
}
