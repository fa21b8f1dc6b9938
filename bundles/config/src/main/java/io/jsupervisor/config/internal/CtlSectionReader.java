package io.jsupervisor.config.internal;

import io.jsupervisor.config.CtlSpec;
import java.util.Map;

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
        try {
            return readStrictly(state);
        } catch (Refusal r) {
            state.warn(r.toConfigException().getMessage());
            return null;
        }
    }

    /** The section's values; a bad expansion is refused, as supervisorctl refuses it. */
    static CtlSpec readStrictly(ReadState state) {
        SectionOptions opts = state.options("supervisorctl");
        String serverurl = opts.get("serverurl", "http://localhost:9001", state.hereNames());
        if (serverurl.startsWith("unix://")) {
            serverurl = "unix://" + state.paths.normalize(serverurl.substring(7));
        }
        String history = opts.get("history_file", null, state.hereNames());
        history = history == null || history.isEmpty() ? null : state.paths.normalize(history);
        // ours, unknown to the reference (which ignores it): a bad value is refused as supervisorctl refuses its own
        boolean changedOnly = opts.typed("update_changed_only",
                opts.get("update_changed_only", "false", Map.of()), PyValues::bool);
        return new CtlSpec(serverurl, opts.get("username", null, Map.of()), opts.get("password", null, Map.of()),
                opts.get("prompt", "supervisor", Map.of()), history, changedOnly);
    }
}
