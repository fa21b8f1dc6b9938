package io.jsupervisor.config.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Supervisor's {@code UnhosedConfigParser} holds: sections merged across files (later keys win),
 * the {@code [DEFAULT]} options that every section sees, and which file first defined each section.
 */
final class IniModel {
    static final String DEFAULT_SECTION = "DEFAULT";

    private final Map<String, String> defaults = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    private final Map<String, String> sectionToFile = new LinkedHashMap<>();

    /**
     * Reads one file into the model.
     *
     * @param source   the name shown in parse errors
     * @param remember whether new sections are recorded as coming from this file (the reference does so
     *                 only for included files)
     */
    void read(Path file, String source, boolean remember) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\ufeff")) {
            // Deliberately lenient: Python opens the file as plain utf-8 and refuses the BOM.
            text = text.substring(1);
        }
        Map<String, Map<String, String>> parsed = Ini4jReader.read(IniPreprocessor.process(text, source));
        for (Map.Entry<String, Map<String, String>> e : parsed.entrySet()) {
            if (e.getKey().equals(DEFAULT_SECTION)) {
                defaults.putAll(e.getValue());
            } else {
                if (!sections.containsKey(e.getKey()) && remember) {
                    sectionToFile.put(e.getKey(), source);
                }
                sections.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>()).putAll(e.getValue());
            }
        }
    }

    List<String> sections() {
        return new ArrayList<>(sections.keySet());
    }

    boolean hasSection(String name) {
        return sections.containsKey(name);
    }

    /** The raw value of an option (the section's, else {@code [DEFAULT]}'s), or null. */
    String get(String section, String option) {
        Map<String, String> s = sections.get(section);
        if (s != null && s.containsKey(option)) {
            return s.get(option);
        }
        return defaults.get(option);
    }

    boolean has(String section, String option) {
        return get(section, option) != null;
    }

    /** The section's option names, then the {@code [DEFAULT]} ones it does not override. */
    List<String> options(String section) {
        List<String> out = new ArrayList<>(sections.getOrDefault(section, Map.of()).keySet());
        for (String k : defaults.keySet()) {
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out;
    }

    /** The file a section came from, or null when it came from the main file. */
    String fileOf(String section) {
        return sectionToFile.get(section);
    }

    /**
     * Replaces the literal {@code %(here)s} in every option of every section (defaults included, as
     * {@code items()} yields them), as the reference does after reading each file when there is an
     * {@code [include]} section.
     */
    void expandHere(String here) {
        String token = "%(here)s";
        for (Map.Entry<String, Map<String, String>> s : sections.entrySet()) {
            for (String key : options(s.getKey())) {
                String value = get(s.getKey(), key);
                if (value.contains(token)) {
                    s.getValue().put(key, value.replace(token, here));
                }
            }
        }
    }
}
