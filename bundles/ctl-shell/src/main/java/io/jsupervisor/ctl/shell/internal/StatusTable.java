package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ProcessInfo;
import java.util.ArrayList;
import java.util.List;

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
}
