package io.jsupervisor.config.internal;

import io.jsupervisor.config.ConfigException;
import io.jsupervisor.config.LoadContext;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Path;

/** Placeholder: the real reader is being written. */
public final class SupervisorConfigReader {
    private final LoadContext context;

    public SupervisorConfigReader(LoadContext context) {
        this.context = context;
    }

    public SupervisorConfig read(Path file) throws ConfigException {
        throw new ConfigException("not implemented yet: " + file + " " + context);
    }
}
