package io.jsupervisor.config;

import java.nio.file.Path;

/**
 * Reads a config file as {@code supervisorctl} does: only the {@code [supervisorctl]} section is needed
 * (no {@code [supervisord]}), {@code [include]} is ignored, and {@code %(here)s} and {@code %(ENV_X)s}
 * expand in {@code serverurl} and {@code history_file}.
 */
public final class CtlConfigLoader {
    private CtlConfigLoader() {
    }

    /**
     * @throws ConfigException e.g. ".ini file does not include supervisorctl section" when the file has none
     */
    public static CtlSpec load(Path file, LoadContext context) throws ConfigException {
        return new io.jsupervisor.config.internal.CtlConfigReader(context).read(file);
    }
}
