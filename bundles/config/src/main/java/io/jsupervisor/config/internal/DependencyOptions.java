package io.jsupervisor.config.internal;

import io.jsupervisor.config.DependencyRef;
import java.util.List;
import java.util.Map;

/**
 * Our opt-in {@code depends_on} option (its syntax; the names are resolved and the graph is checked by
 * {@link DependencyGraph}), which the reference does not know (it ignores unknown options, so a file using it still
 * loads there). It stays in {@code ProcessSpec.options()} as text; here a bad value is refused at load with the
 * usual section, option and file.
 */
final class DependencyOptions {
    private DependencyOptions() {
    }

    static void check(SectionOptions opts, Map<String, Object> names) {
        String text = opts.get(DependencyRef.OPTION, null, names);
        if (text != null) {
            opts.typed(DependencyRef.OPTION, text, DependencyOptions::parse);
        }
    }

    private static List<DependencyRef> parse(String text) {
        try {
            return DependencyRef.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Refusal(e.getMessage());
        }
    }
}
