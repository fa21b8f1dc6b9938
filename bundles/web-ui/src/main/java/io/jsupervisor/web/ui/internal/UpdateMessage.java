package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.UpdateReport;
import java.util.ArrayList;
import java.util.List;

/** The status message of the "Update Changed" button (ours): what the finer update did, in supervisorctl's words. */
final class UpdateMessage {
    private UpdateMessage() {
    }

    static String of(UpdateReport r, String ctime) {
        List<String> parts = new ArrayList<>();
        for (String g : r.removedGroups()) {
            parts.add(g + (r.addedGroups().contains(g) ? ": updated process group" : ": removed process group"));
        }
        r.removedProcesses().forEach(p -> parts.add(p + ": removed process"));
        r.restarted().forEach(p -> parts.add(p + ": restarted"));
        r.addedProcesses().forEach(p -> parts.add(p + ": added process"));
        for (String g : r.addedGroups()) {
            if (!r.removedGroups().contains(g)) {
                parts.add(g + ": added process group");
            }
        }
        if (parts.isEmpty()) {
            return "No config updates to processes at " + ctime;
        }
        return "Updated at " + ctime + ": " + String.join("; ", parts);
    }
}
