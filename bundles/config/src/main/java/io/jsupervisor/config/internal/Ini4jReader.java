package io.jsupervisor.config.internal;

import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.ini4j.Profile;

/**
 * Reads pre-processed lines with ini4j and merges repeated sections (later keys win), as
 * {@code strict=False} does. ini4j alone is not ConfigParser-compatible (inline comments, continuation
 * lines, backslashes, {@code [x] ; comment}), so {@link IniPreprocessor} applies Python's line rules first
 * and every name and value is written for ini4j in an escaped form that it reads back verbatim.
 */
final class Ini4jReader {
    /** Escape character of the hand-over text; everything ini4j could interpret is written as ¤hhhh. */
    private static final char ESC = '\u00a4';
    private static final String SAFE = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.,/";
    /** Prefix of every value, so an empty value is never empty for ini4j. */
    private static final char VALUE_MARK = 'v';
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Ini4jReader() {
    }

    /** Section name to its merged options, in order of first appearance ({@code DEFAULT} included). */
    static Map<String, Map<String, String>> read(List<IniLine> lines) {
        StringBuilder text = new StringBuilder();
        Set<String> order = new LinkedHashSet<>();
        for (IniLine line : lines) {
            if (line instanceof IniLine.Header h) {
                order.add(h.name());
                text.append('[').append(escape(h.name())).append("]\n");
            } else if (line instanceof IniLine.Option o) {
                text.append(escape(o.key())).append(" = ").append(VALUE_MARK).append(escape(o.value())).append('\n');
            }
        }
        Ini ini = load(text.toString());
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (String name : order) {
            Map<String, String> merged = new LinkedHashMap<>();
            List<Profile.Section> parts = ini.getAll(escape(name));
            for (Profile.Section part : parts == null ? List.<Profile.Section>of() : parts) {
                for (String key : part.keySet()) {
                    List<String> values = part.getAll(key);
                    String last = values.get(values.size() - 1);
                    merged.put(unescape(key), unescape(last.substring(1)));
                }
            }
            out.put(name, merged);
        }
        return out;
    }

    private static Ini load(String text) {
        Config config = new Config();
        config.setMultiSection(true);
        config.setMultiOption(true);
        config.setEscape(false);
        config.setTree(false);
        config.setEmptyOption(true);
        config.setEmptySection(true);
        config.setLowerCaseOption(false);
        config.setLowerCaseSection(false);
        config.setInclude(false);
        config.setComment(false);
        config.setHeaderComment(false);
        // ini4j's ServiceFinder consults the context class loader; under OSGi a caller's thread (e.g. an
        // RPC reloadConfig) may carry a loader that cannot see our embedded copy, so pin it to ours.
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(Ini4jReader.class.getClassLoader());
        try {
            Ini ini = new Ini();
            ini.setConfig(config);
            ini.load(new StringReader(text));
            return ini;
        } catch (IOException e) {
            // The hand-over text is generated and escaped; ini4j refusing it is a bug here, not in the file.
            throw new IllegalStateException("ini4j could not read the pre-processed configuration", e);
        } finally {
            thread.setContextClassLoader(saved);
        }
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SAFE.indexOf(c) >= 0) {
                b.append(c);
            } else {
                b.append(ESC).append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                        .append(HEX[c & 15]);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ESC) {
                b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                i += 4;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
