package io.jsupervisor.config.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the options of one section as the reference's {@code saneget} does: the section's value or
 * {@code [DEFAULT]}'s or the default, %-expanded with the parser's {@code ENV_*} names plus the ones
 * given; every {@link Refusal} leaves located at this section and option.
 */
final class SectionOptions {
    private final IniModel ini;
    private final String section;
    private final String file;
    /** The parser's names ({@code ENV_*}); live, since {@code [supervisord] environment=} extends it. */
    private final Map<String, Object> parserNames;

    SectionOptions(IniModel ini, String section, String file, Map<String, Object> parserNames) {
        this.ini = ini;
        this.section = section;
        this.file = file;
        this.parserNames = parserNames;
    }

    String section() {
        return section;
    }

    String file() {
        return file;
    }

    boolean has(String option) {
        return ini.has(section, option);
    }

    /** The unexpanded value, or null. */
    String raw(String option) {
        return ini.get(section, option);
    }

    /** The value (or {@code dflt}), expanded with the parser's names and {@code names}; null stays null. */
    String get(String option, String dflt, Map<String, Object> names) {
        String value = ini.has(section, option) ? ini.get(section, option) : dflt;
        if (value == null) {
            return null;
        }
        return expand(option, value, names);
    }

    /** Expands {@code value} as option {@code option} of this section (label {@code section.option}). */
    String expand(String option, String value, Map<String, Object> names) {
        if (value.indexOf('%') < 0) {
            return value; // nothing to expand: skip building the names (1,000 programs stay cheap)
        }
        Map<String, Object> all = new LinkedHashMap<>(parserNames);
        all.putAll(names);
        return at(option, () -> PercentFormat.expand(value, all, section + "." + option));
    }

    /** Converts {@code value} with {@code type}, locating any refusal at {@code option}. */
    <T> T typed(String option, String value, Function<String, T> type) {
        return at(option, () -> type.apply(value));
    }

    /** Runs {@code work}, locating any refusal at {@code option}. */
    <T> T at(String option, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (Refusal r) {
            throw r.at(section, option, file);
        }
    }

    /** A refusal about this section as a whole (option null) or one option. */
    Refusal refuse(String option, String reason) {
        return new Refusal(reason).at(section, option, file);
    }
}
