package io.jsupervisor.rest.internal;

import io.jsupervisor.api.UpdateReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /update?changed_only=true}: the {@link UpdateReport} in the {@code Update} schema's shape (groups
 * removed and added whole; {@code changed}: groups replaced whole, which supervisorctl calls updated) plus the
 * processes of changed groups, and the lines {@code supervisorctl update --changed-only} prints.
 */
final class ChangedOnlyReply {
    private ChangedOnlyReply() {
    }

    static Map<String, Object> of(UpdateReport r) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (String g : r.removedGroups()) {
            boolean replaced = r.addedGroups().contains(g);
            (replaced ? changed : removed).add(g);
            messages.add(g + ": stopped");
            messages.add(g + (replaced ? ": updated process group" : ": removed process group"));
        }
        r.removedProcesses().forEach(p -> messages.add(p + ": removed process"));
        r.restarted().forEach(p -> messages.add(p + ": restarted"));
        r.addedProcesses().forEach(p -> messages.add(p + ": added process"));
        for (String g : r.addedGroups()) {
            if (!r.removedGroups().contains(g)) {
                added.add(g);
                messages.add(g + ": added process group");
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("added", added);
        m.put("changed", changed);
        m.put("removed", removed);
        m.put("restarted", r.restarted());
        m.put("added_processes", r.addedProcesses());
        m.put("removed_processes", r.removedProcesses());
        m.put("messages", messages);
        return m;
    }
}
