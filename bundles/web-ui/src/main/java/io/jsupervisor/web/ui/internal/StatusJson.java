package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import java.util.List;
import java.util.Map;

/**
 * {@code status.json}: what the page's script needs to redraw the rows, already styled (CSS class,
 * allowed actions) so the browser holds no state rules of its own.
 */
final class StatusJson {
    private StatusJson() {
    }

    static String render(List<ProcessInfo> processes) {
        return render(processes, Map.of());
    }

    /** With {@code health} and {@code healthResult} in the rows of programs that have a health check. */
    static String render(List<ProcessInfo> processes, Map<String, HealthInfo> health) {
        StringBuilder out = new StringBuilder(64 + processes.size() * 256);
        out.append("{\"supervisorVersion\":").append(Json.string(ProcessManager.SUPERVISOR_VERSION))
                .append(",\"processes\":[");
        for (int i = 0; i < processes.size(); i++) {
            ProcessInfo p = processes.get(i);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"namespec\":").append(Json.string(p.namespec()))
                    .append(",\"group\":").append(Json.string(p.group()))
                    .append(",\"name\":").append(Json.string(p.name()))
                    .append(",\"state\":").append(Json.string(StateStyle.label(p.state())))
                    .append(",\"stateClass\":").append(Json.string(StateStyle.cssClass(p.state())))
                    .append(",\"description\":").append(Json.string(p.description()))
                    .append(",\"pid\":").append(p.pid());
            HealthInfo h = health.get(p.namespec());
            if (h != null) {
                out.append(",\"health\":").append(Json.string(h.state().name()))
                        .append(",\"healthResult\":").append(Json.string(h.lastResult()));
            }
            out
                    .append(",\"actions\":[");
            List<ProcessAction> actions = ProcessAction.forState(p.state());
            for (int j = 0; j < actions.size(); j++) {
                if (j > 0) {
                    out.append(',');
                }
                ProcessAction a = actions.get(j);
                out.append("{\"action\":").append(Json.string(a.param()))
                        .append(",\"label\":").append(Json.string(a.label())).append('}');
            }
            out.append("]}");
        }
        return out.append("]}").toString();
    }
}
