package io.jsupervisor.events.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps the pools' messages as "LEVEL text" lines. */
final class RecordingLog implements PoolLog {
    final List<String> lines = new CopyOnWriteArrayList<>();

    @Override
    public void debug(String message) {
        lines.add("DEBG " + message);
    }

    @Override
    public void warn(String message) {
        lines.add("WARN " + message);
    }

    @Override
    public void error(String message) {
        lines.add("ERRO " + message);
    }

    List<String> atLeastWarn() {
        return lines.stream().filter(l -> !l.startsWith("DEBG")).toList();
    }
}
