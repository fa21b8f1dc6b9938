package io.jsupervisor.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code str % mapping}, the way Supervisor expands {@code %(name)s} in option values, with the
 * reference's error texts. Values are {@link String} or {@link Integer}.
 */
final class PercentFormat {
    private final String format;
    private final Map<String, Object> names;
    private final StringBuilder out = new StringBuilder();
    private int pos;
    /** Python's formatter state: the current "args" and whether it was used up. */
    private Object args;
    private boolean argsUsed;

    private PercentFormat(String format, Map<String, Object> names) {
        this.format = format;
        this.names = names;
        this.args = names;
    }

    /**
     * Expands {@code text} as {@code expand(text, names, label)} does in the reference.
     *
     * @throws Refusal "Format string ... contains names ... which cannot be expanded" or "... is badly formatted"
     */
    static String expand(String text, Map<String, Object> names, String label) {
        try {
            return new PercentFormat(text, names).run();
        } catch (MissingName e) {
            List<String> available = new ArrayList<>(names.keySet());
            java.util.Collections.sort(available);
            throw new Refusal("Format string " + PyText.repr(text) + " for " + PyText.repr(label)
                    + " contains names (" + PyText.repr(e.getMessage()) + ") which cannot be expanded. "
                    + "Available names: " + String.join(", ", available));
        } catch (BadFormat e) {
            throw new Refusal("Format string " + PyText.repr(text) + " for " + PyText.repr(label)
                    + " is badly formatted: " + e.getMessage());
        }
    }

    private String run() {
        while (pos < format.length()) {
            char c = format.charAt(pos++);
            if (c != '%') {
                out.append(c);
            } else {
                conversion();
            }
        }
        return out.toString();
    }

    private void conversion() {
        if (pos < format.length() && format.charAt(pos) == '(') {
            args = names.get(key());
            argsUsed = false;
        }
        String flags = span("-+ #0");
        Integer width = number();
        Integer precision = null;
        if (pos < format.length() && format.charAt(pos) == '.') {
            pos++;
            precision = number();
            if (precision == null) {
                precision = 0;
            }
        }
        if (pos < format.length() && "hlL".indexOf(format.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos >= format.length()) {
            throw new BadFormat("incomplete format");
        }
        int at = pos;
        char conv = format.charAt(pos++);
        if (conv == '%') {
            out.append('%');
            return;
        }
        Object value = nextArg();
        pad(PyValueFormat.convert(conv, value, flags, precision, at), flags, width, conv);
    }

    private String key() {
        int depth = 1;
        int start = ++pos;
        while (pos < format.length() && depth > 0) {
            char c = format.charAt(pos++);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            }
        }
        if (depth > 0) {
            throw new BadFormat("incomplete format key");
        }
        String key = format.substring(start, pos - 1);
        if (!names.containsKey(key)) {
            throw new MissingName(key);
        }
        return key;
    }

    private String span(String chars) {
        int start = pos;
        while (pos < format.length() && chars.indexOf(format.charAt(pos)) >= 0) {
            pos++;
        }
        return format.substring(start, pos);
    }

    private Integer number() {
        if (pos < format.length() && format.charAt(pos) == '*') {
            pos++;
            Object v = nextArg();
            if (!(v instanceof Integer)) {
                throw new BadFormat("* wants int");
            }
            return (Integer) v;
        }
        String digits = span("0123456789");
        return digits.isEmpty() ? null : Integer.valueOf(digits);
    }

    private Object nextArg() {
        if (argsUsed) {
            throw new BadFormat("not enough arguments for format string");
        }
        argsUsed = true;
        return args;
    }

    private void pad(String text, String flags, Integer width, char conv) {
        int missing = width == null ? 0 : width - text.length();
        if (missing <= 0) {
            out.append(text);
        } else if (flags.indexOf('-') >= 0) {
            out.append(text).append(" ".repeat(missing));
        } else if (flags.indexOf('0') >= 0 && "diuoxXeEfFgG".indexOf(conv) >= 0) {
            int sign = !text.isEmpty() && "+- ".indexOf(text.charAt(0)) >= 0 ? 1 : 0;
            if (text.startsWith("0x", sign) || text.startsWith("0X", sign) || text.startsWith("0o", sign)) {
                sign += 2;
            }
            out.append(text, 0, sign).append("0".repeat(missing)).append(text.substring(sign));
        } else {
            out.append(" ".repeat(missing)).append(text);
        }
    }

    /** A {@code %(name)} that is not in the mapping (Python's KeyError). */
    private static final class MissingName extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingName(String name) {
            super(name, null, false, false);
        }
    }

    /** Any other formatting failure (Python's ValueError or TypeError), with Python's text. */
    static final class BadFormat extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadFormat(String message) {
            super(message, null, false, false);
        }
    }
}
