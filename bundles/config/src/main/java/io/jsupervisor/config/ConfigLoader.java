package io.jsupervisor.config;

import java.nio.file.Path;

/** Reads a {@code supervisord.conf} (and its includes) exactly as Supervisor 4.2.5 does. */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    /**
     * Loads and validates the whole configuration.
     *
     * @throws ConfigException naming file, section, option and reason; nothing is partially returned
     */
    public static SupervisorConfig load(Path file, LoadContext context) throws ConfigException {
        return new io.jsupervisor.config.internal.SupervisorConfigReader(context).read(file);
    }
}
