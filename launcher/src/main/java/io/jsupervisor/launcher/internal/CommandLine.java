package io.jsupervisor.launcher.internal;

import java.nio.file.Path;
import java.util.Map;

/**
 * The parsed {@code supervisord} command line.
 *
 * @param action     what the user asked for
 * @param configFile the {@code -c} file resolved against the working directory, or {@code null} to search
 * @param overrides  {@code [supervisord]} option name to value, in the order given; path values are absolute
 */
public record CommandLine(Action action, Path configFile, Map<String, String> overrides) {

    public enum Action { RUN, HELP, VERSION }

    public CommandLine {
        overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
    }

    public boolean nodaemon() {
        return "true".equals(overrides.get("nodaemon"));
    }
}
