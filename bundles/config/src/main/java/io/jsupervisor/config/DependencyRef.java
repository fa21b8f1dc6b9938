package io.jsupervisor.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of our {@code depends_on} option (an extension; the reference ignores the option): {@code program}
 * (every process of that program, whatever its group), {@code group:process} (one process) or {@code group:*}
 * (every process of the group). A loaded configuration only holds values that parse and name known processes.
 *
 * @param program the program name of a bare entry, else {@code null}
 * @param group   the group of a {@code group:...} entry, else {@code null}
 * @param process the process of a {@code group:process} entry, else {@code null}
 */
public record DependencyRef(String program, String group, String process) {
    /** The option's key in {@link ProcessSpec#options()}. */
    public static final String OPTION = "depends_on";

    /** The entry as written, for messages: {@code db}, {@code grp:db} or {@code grp:*}. */
    public String text() {
        if (program != null) {
            return program;
        }
        return group + ":" + (process == null ? "*" : process);
    }

    /** Whether the process {@code spec} is one this entry names. */
    public boolean matches(ProcessSpec spec) {
        if (program != null) {
            return program.equals(spec.programName());
        }
        return group.equals(spec.groupName()) && (process == null || process.equals(spec.name()));
    }

    /** The entries of a process's {@code depends_on}, in order; none when the option is absent. */
    public static List<DependencyRef> of(ProcessSpec spec) {
        String text = spec.options().get(OPTION);
        return text == null ? List.of() : parse(text);
    }

    /**
     * Parses a value: entries separated by commas, spaces around them ignored; empty means none.
     *
     * @throws IllegalArgumentException with the reason, for a value that is not such a list
     */
    public static List<DependencyRef> parse(String text) {
        List<DependencyRef> out = new ArrayList<>();
        if (text.isBlank()) {
            return List.of();
        }
        for (String raw : text.split(",", -1)) {
            out.add(entry(raw.strip()));
        }
        return List.copyOf(out);
    }

    private static DependencyRef entry(String entry) {
        if (entry.isEmpty()) {
            throw new IllegalArgumentException("empty name in list (two commas, or a comma at an end)");
        }
        int colon = entry.indexOf(':');
        if (colon < 0) {
            return new DependencyRef(part(entry, entry), null, null);
        }
        String group = part(entry.substring(0, colon), entry);
        String process = entry.substring(colon + 1);
        if (process.equals("*")) {
            return new DependencyRef(null, group, null);
        }
        return new DependencyRef(null, group, part(process, entry));
    }

    /** A program, group or process name: not empty, without blanks, ':' or '/' (as the names it must match). */
    private static String part(String name, String entry) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("invalid name '" + entry + "': expected program, group:process "
                    + "or group:*");
        }
        for (char c : new char[] {' ', '\t', ':', '/'}) {
            if (name.indexOf(c) >= 0) {
                String hint = c == ':' || c == '/' ? "" : " (separate names with commas)";
                throw new IllegalArgumentException("invalid name '" + entry + "' because of character: '" + c + "'"
                        + hint);
            }
        }
        return name;
    }
}
