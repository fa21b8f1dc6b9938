package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ConfigInfo;
import io.jsupervisor.api.ReloadResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The lines of {@code avail} and {@code reread}. */
final class ConfigText {
    private ConfigText() {
    }

    static String avail(ConfigInfo info) {
        return String.format("%-32s %-9s %-9s %s", Namespec.make(info.group(), info.name()),
                info.inuse() ? "in use" : "avail", info.autostart() ? "auto" : "manual",
                info.groupPrio() + ":" + info.processPrio());
    }

    /** One {@code name: available|changed|disappeared} line per group, sorted by name. */
    static List<String> changes(ReloadResult result) {
        // later kinds win for a name listed twice, as the reference's dict updates do
        Map<String, String> kinds = new TreeMap<>();
        result.added().forEach(name -> kinds.put(name, "available"));
        result.changed().forEach(name -> kinds.put(name, "changed"));
        result.removed().forEach(name -> kinds.put(name, "disappeared"));
        if (kinds.isEmpty()) {
            return List.of("No config updates to processes");
        }
        List<String> lines = new ArrayList<>();
        kinds.forEach((name, kind) -> lines.add(name + ": " + kind));
        return lines;
    }
}
