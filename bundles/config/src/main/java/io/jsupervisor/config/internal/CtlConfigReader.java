package io.jsupervisor.config.internal;

import io.jsupervisor.config.ConfigException;
import io.jsupervisor.config.CtlSpec;
import io.jsupervisor.config.LoadContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code ClientOptions.read_config}: the file as supervisorctl reads it. */
public final class CtlConfigReader {
    private final LoadContext context;

    public CtlConfigReader(LoadContext context) {
        this.context = context;
    }

    public CtlSpec read(Path file) throws ConfigException {
        try {
            Path resolved = context.workingDirectory().resolve(file);
            String main = PathRules.normpath(resolved.toAbsolutePath().toString());
            if (!Files.exists(resolved)) {
                throw new Refusal("could not find config file " + file);
            }
            ReadState state = new ReadState(context, main, PathRules.dirname(main),
                    new PosixAccounts(Path.of("/etc")));
            try {
                state.ini.read(resolved, main, false);
            } catch (IOException e) {
                throw new Refusal("could not read config file " + file);
            }
            if (!state.ini.hasSection("supervisorctl")) {
                throw new Refusal(".ini file does not include supervisorctl section").at(null, null, main);
            }
            return CtlSectionReader.readStrictly(state);
        } catch (Refusal r) {
            throw r.toConfigException();
        }
    }
}
