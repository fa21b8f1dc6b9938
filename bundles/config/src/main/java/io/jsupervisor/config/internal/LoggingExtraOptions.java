package io.jsupervisor.config.internal;

import java.util.List;
import java.util.Map;

/**
 * Our opt-in per-program logging options, which the reference does not know (it ignores unknown options,
 * so a file using them still loads there). They stay in {@code ProcessSpec.options()} as text for the
 * logging bundle; here a bad value is refused at load with the usual section, option and file.
 */
final class LoggingExtraOptions {
    /** Booleans, false by default: a time stamp at each line start, and a copy on the daemon's stdout. */
    static final List<String> BOOLEANS = List.of("stdout_log_timestamps", "stderr_log_timestamps",
            "stdout_mirror", "stderr_mirror");

    private LoggingExtraOptions() {
    }

    static void check(SectionOptions opts, Map<String, Object> names) {
        for (String option : BOOLEANS) {
            String text = opts.get(option, "false", names);
            opts.typed(option, text, PyValues::bool);
        }
    }
}
