package io.jsupervisor.api;

import java.util.List;

/**
 * What a finer {@code update} did: whole groups added and removed as the reference's update does, but in a
 * changed group only the processes whose own settings changed were restarted (or added, or removed); the
 * others kept running with their pids.
 *
 * @param addedGroups       groups added, sorted
 * @param removedGroups     groups removed, sorted
 * @param restarted         namespecs of processes stopped and started again with their new settings, sorted
 * @param addedProcesses    namespecs of processes new in a changed group, sorted
 * @param removedProcesses  namespecs of processes gone from a changed group, sorted
 * @since 1.2
 */
public record UpdateReport(List<String> addedGroups, List<String> removedGroups, List<String> restarted,
                           List<String> addedProcesses, List<String> removedProcesses) {
    public UpdateReport {
        addedGroups = List.copyOf(addedGroups);
        removedGroups = List.copyOf(removedGroups);
        restarted = List.copyOf(restarted);
        addedProcesses = List.copyOf(addedProcesses);
        removedProcesses = List.copyOf(removedProcesses);
    }
}
