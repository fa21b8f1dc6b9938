package io.jsupervisor.config.internal;

import io.jsupervisor.config.CtlSpec;

/**
 * {@code [supervisorctl]}, as supervisorctl reads it. The daemon never reads it, so a fault here is a
 * warning for the daemon, not a refusal.
 */
final class CtlSectionReader {
    private CtlSectionReader() {
    }

    static CtlSpec read(ReadState state) {
        if (!state.ini.hasSection("supervisorctl")) {
            return null;
        }
        SectionOptions opts = state.options("supervisorctl");
        try {
            String serverurl = opts.get("serverurl", "http://localhost:9001", state.hereNames());
            if (serverurl.startsWith("unix://")) {
                serverurl = "unix://" + state.paths.normalize(serverurl.substring(7));
            }
            String history = opts.get("history_file", null, state.hereNames());
            history = history == null || history.isEmpty() ? null : state.paths.normalize(history);
            return new CtlSpec(serverurl, opts.get("username", null, java.util.Map.of()),
                    opts.get("password", null, java.util.Map.of()), opts.get("prompt", "supervisor", java.util.Map.of()),
                    history);
        } catch (Refusal r) {
            state.warn(r.at("supervisorctl", null, opts.file()).toConfigException().getMessage());
            return null;
        }
    }
}
