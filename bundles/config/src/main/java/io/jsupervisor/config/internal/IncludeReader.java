package io.jsupervisor.config.internal;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code [include] files=}: space-separated globs (after {@code here}, {@code host_node_name} and
 * {@code ENV_*} expansion), relative ones taken against the main file's directory, each pattern's matches
 * read in sorted order. {@code %(here)s} of each file is its own directory. Not recursive.
 */
final class IncludeReader {
    private IncludeReader() {
    }

    static void apply(ReadState state, Map<String, Object> osEnvNames) {
        IniModel ini = state.ini;
        if (!ini.hasSection("include")) {
            return;
        }
        ini.expandHere(state.here);
        SectionOptions include = state.options("include");
        if (!ini.has("include", "files")) {
            throw new Refusal(".ini file has [include] section, but no files setting").at("include", null,
                    state.mainFile);
        }
        Map<String, Object> names = new java.util.LinkedHashMap<>();
        names.put("here", state.here);
        names.put("host_node_name", state.context.hostName());
        names.putAll(osEnvNames);
        String raw = include.raw("files");
        String files = include.at("files", () -> PercentFormat.expand(raw, names, "include.files"));
        String base = PathRules.dirname(state.mainFile);
        for (String pattern : splitWhitespace(files)) {
            String full = pattern.startsWith("/") ? pattern : base + "/" + pattern;
            List<String> matches = glob(full);
            if (matches.isEmpty()) {
                state.warn("No file matches via include \"" + full + "\"");
                continue;
            }
            for (String file : matches) {
                state.info("Included extra file \"" + file + "\" during parsing");
                try {
                    ini.read(Path.of(file), file, true);
                } catch (IOException e) {
                    // Python's read() silently skips files it cannot open
                    continue;
                }
                ini.expandHere(PathRules.dirname(state.paths.absolute(file)));
            }
        }
    }

    private static List<String> splitWhitespace(String s) {
        List<String> out = new ArrayList<>();
        for (String part : s.split("[\\s]+")) {
            if (!part.isEmpty()) {
                out.add(part);
            }
        }
        return out;
    }

    /** Python's {@code glob.glob} for an absolute pattern (hidden files only match a literal dot). */
    static List<String> glob(String pattern) {
        List<String> results = new ArrayList<>();
        results.add("");
        String[] parts = pattern.split("/", -1);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i];
            boolean last = i == parts.length - 1;
            List<String> next = new ArrayList<>();
            for (String dir : results) {
                String prefix = dir + "/";
                if (!hasMagic(part)) {
                    String candidate = prefix + part;
                    if (part.isEmpty() ? Files.isDirectory(Path.of(prefix)) : last
                            ? Files.exists(Path.of(candidate)) || Files.isSymbolicLink(Path.of(candidate))
                            : Files.isDirectory(Path.of(candidate))) {
                        next.add(part.isEmpty() ? dir + "/" : candidate);
                    }
                    continue;
                }
                PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + toJavaGlob(part));
                try (Stream<Path> entries = Files.list(Path.of(dir.isEmpty() ? "/" : dir))) {
                    entries.map(p -> p.getFileName().toString())
                            .filter(n -> !n.startsWith(".") || part.startsWith("."))
                            .filter(n -> m.matches(Path.of(n)))
                            .filter(n -> last || Files.isDirectory(Path.of(prefix + n)))
                            .forEach(n -> next.add(prefix + n));
                } catch (IOException | RuntimeException e) {
                    // unreadable or missing directory: no matches, as glob.glob
                }
            }
            results = next;
        }
        List<String> sorted = new ArrayList<>(results);
        java.util.Collections.sort(sorted);
        return sorted;
    }

    private static boolean hasMagic(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    /** fnmatch to Java glob: {@code [!x]} negation, braces and backslashes literal. */
    private static String toJavaGlob(String part) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '{' || c == '}' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '[' && i + 1 < part.length() && part.charAt(i + 1) == '!') {
                b.append("[!");
                i++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
