package io.jsupervisor.api;

import java.util.List;

/** Group names that a re-read configuration adds, changes and removes, each sorted. */
public record ReloadResult(List<String> added, List<String> changed, List<String> removed) {
    public ReloadResult {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }
}
