package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.ProcessManager;
import java.util.HashMap;
import java.util.Map;

/**
 * The health badges of the status rows: one per program with a {@code healthcheck}, by namespec. Rows of
 * programs without a check look exactly as the reference's.
 */
final class HealthBadges {
    private HealthBadges() {
    }

    /** The health of every process that has a check; empty when the core offers none. */
    static Map<String, HealthInfo> of(ProcessManager pm) {
        Map<String, HealthInfo> m = new HashMap<>();
        for (HealthInfo h : pm.allHealth()) {
            if (h.state() != HealthState.NONE) {
                m.put(h.name(), h);
            }
        }
        return m;
    }

    /** {@code <span class="health healthhealthy" title="HTTP 200">healthy</span>}, or nothing. */
    static void html(StringBuilder out, HealthInfo h) {
        if (h == null) {
            return;
        }
        String label = label(h);
        out.append("<span class=\"health health").append(label).append("\" title=\"")
                .append(Html.escape(h.lastResult())).append("\">").append(label).append("</span>");
    }

    static String label(HealthInfo h) {
        return h.state().name().toLowerCase(java.util.Locale.ROOT);
    }
}
