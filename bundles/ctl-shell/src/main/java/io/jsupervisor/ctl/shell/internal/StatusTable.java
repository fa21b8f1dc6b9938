package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.ProcessInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code status} lines: namespec, state name and description in columns. */
final class StatusTable {
    private static final int MIN_NAME_WIDTH = 30;

    private StatusTable() {
    }

    static List<String> lines(List<ProcessInfo> infos) {
        int width = MIN_NAME_WIDTH;
        for (ProcessInfo info : infos) {
            width = Math.max(width, info.namespec().length());
        }
        String template = "%-" + (width + 3) + "s%-10s%s";
        List<String> lines = new ArrayList<>(infos.size());
        for (ProcessInfo info : infos) {
            lines.add(String.format(template, info.namespec(), info.state().name(), info.description()));
        }
        return lines;
    }

    /**
     * {@code status --health} (ours): the health state as a third column, {@code -} for a process without a
     * check; the reference's columns otherwise unchanged.
     */
    static List<String> lines(List<ProcessInfo> infos, Map<String, HealthState> health) {
        int width = MIN_NAME_WIDTH;
        for (ProcessInfo info : infos) {
            width = Math.max(width, info.namespec().length());
        }
        String template = "%-" + (width + 3) + "s%-10s%-10s%s";
        List<String> lines = new ArrayList<>(infos.size());
        for (ProcessInfo info : infos) {
            HealthState h = health.getOrDefault(info.namespec(), HealthState.NONE);
            lines.add(String.format(template, info.namespec(), info.state().name(),
                    h == HealthState.NONE ? "-" : h.name(), info.description()));
        }
        return lines;
    }
}
