package io.jsupervisor.ctl.shell.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The few Python text behaviours supervisorctl's output depends on. */
final class PyText {
    // what int() accepts for a plain decimal, after str.split() left no whitespace
    private static final Pattern PY_INT = Pattern.compile("[+-]?\\d+(_\\d+)*");

    private PyText() {
    }

    /** {@code str.split()}: split on runs of whitespace, no empty strings. */
    static List<String> split(String arg) {
        List<String> words = new ArrayList<>();
        for (String word : arg.strip().split("\\s+")) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /** {@code int(text)} for decimal text; null where Python would raise (or overflow XML-RPC's int). */
    static Long parseInt(String text) {
        if (!PY_INT.matcher(text).matches()) {
            return null;
        }
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException tooBig) {
            return null;
        }
    }

    /** {@code repr(str)}: single quotes unless the text has one and no double quote. */
    static String repr(String text) {
        char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.append(quote).toString();
    }
}
