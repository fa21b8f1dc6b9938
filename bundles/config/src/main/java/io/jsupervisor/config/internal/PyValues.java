package io.jsupervisor.config.internal;

import io.jsupervisor.config.AutoRestart;
import io.jsupervisor.config.LogLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The reference's value types ({@code supervisor/datatypes.py}), with its error texts. */
final class PyValues {
    private static final Pattern PY_INT = Pattern.compile("[+-]?[0-9]+(_[0-9]+)*");
    private static final Pattern PY_OCTAL = Pattern.compile("[+-]?(0[oO]_?)?[0-7]+(_[0-7]+)*");
    private static final Pattern OCTAL_PREFIX = Pattern.compile("^([+-]?)0[oO]");
    private static final List<String> TRUTHY = List.of("yes", "true", "on", "1");
    private static final List<String> FALSY = List.of("no", "false", "off", "0");

    private PyValues() {
    }

    /** Python's {@code int(text)}. */
    static long pyInt(String text, int base) {
        String s = PyText.strip(text);
        boolean ok = (base == 10 ? PY_INT : PY_OCTAL).matcher(s).matches();
        if (!ok) {
            throw new Refusal("invalid literal for int() with base " + base + ": " + PyText.repr(text));
        }
        try {
            String digits = s.indexOf('_') < 0 ? s : s.replace("_", "");
            return Long.parseLong(base == 8 ? OCTAL_PREFIX.matcher(digits).replaceFirst("$1") : digits, base);
        } catch (NumberFormatException e) {
            throw new Refusal("integer too large: " + PyText.repr(text));
        }
    }

    /** {@code integer()}: an int, as the model stores it. */
    static int integer(String text) {
        long v = pyInt(text, 10);
        if (v != (int) v) {
            throw new Refusal("integer out of range: " + PyText.repr(text));
        }
        return (int) v;
    }

    static boolean bool(String text) {
        String s = PyText.lower(text);
        if (TRUTHY.contains(s)) {
            return true;
        }
        if (FALSY.contains(s)) {
            return false;
        }
        throw new Refusal("not a valid boolean value: " + PyText.repr(text));
    }

    /** {@code byte_size}: KB, MB, GB suffixes (case-insensitive) or a plain integer. */
    static long byteSize(String text) {
        String v = PyText.lower(text);
        long multiplier = 1;
        if (v.endsWith("kb")) {
            multiplier = 1024L;
        } else if (v.endsWith("mb")) {
            multiplier = 1024L * 1024;
        } else if (v.endsWith("gb")) {
            multiplier = 1024L * 1024 * 1024;
        }
        if (multiplier != 1) {
            return pyInt(v.substring(0, v.length() - 2), 10) * multiplier;
        }
        return pyInt(v, 10);
    }

    static int octal(String text) {
        try {
            return (int) pyInt(text, 8);
        } catch (Refusal e) {
            throw new Refusal(text + " can not be converted to an octal type");
        }
    }

    static List<Integer> exitcodes(String text) {
        List<Integer> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        try {
            for (String part : text.split(",", -1)) {
                long v = pyInt(part, 10);
                if (v < 0 || v > 255) {
                    throw new Refusal("bad exit code");
                }
                out.add((int) v);
            }
        } catch (Refusal e) {
            throw new Refusal("not a valid list of exit codes: " + PyText.repr(text));
        }
        return out;
    }

    /** {@code list_of_strings}: comma separated, each stripped; empty text is an empty list. */
    static List<String> strings(String text) {
        List<String> out = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return out;
        }
        for (String part : text.split(",", -1)) {
            out.add(PyText.strip(part));
        }
        return out;
    }

    /** {@code signal_number}: a name with or without SIG, or a number Python's signal module knows. */
    static int signal(String text) {
        long num;
        try {
            num = pyInt(text, 10);
        } catch (Refusal notNumber) {
            String name = PyText.strip(text).toUpperCase(Locale.ROOT);
            if (!name.startsWith("SIG")) {
                name = "SIG" + name;
            }
            Integer n = SignalTable.byPythonName(name);
            if (n == null) {
                throw new Refusal("value " + PyText.repr(text) + " is not a valid signal name");
            }
            num = n;
        }
        if (!SignalTable.isPythonSignum(num)) {
            throw new Refusal("value " + PyText.repr(text) + " is not a valid signal number");
        }
        return (int) num;
    }

    static AutoRestart autoRestart(String text) {
        String v = PyText.lower(text);
        if (TRUTHY.contains(v)) {
            return AutoRestart.TRUE;
        }
        if (FALSY.contains(v)) {
            return AutoRestart.FALSE;
        }
        if (v.equals("unexpected")) {
            return AutoRestart.UNEXPECTED;
        }
        throw new Refusal("invalid 'autorestart' value " + PyText.repr(v));
    }

    static LogLevel logLevel(String text) {
        try {
            return LogLevel.parse(PyText.lower(text));
        } catch (IllegalArgumentException e) {
            throw new Refusal("bad logging level name " + PyText.repr(text));
        }
    }

    /** {@code process_or_group_name}: stripped, no space, colon or slash. */
    static String name(String text) {
        String s = PyText.strip(text);
        for (char c : new char[] {' ', ':', '/'}) {
            if (s.indexOf(c) >= 0) {
                throw new Refusal("Invalid name: " + PyText.repr(text) + " because of character: "
                        + PyText.repr(String.valueOf(c)));
            }
        }
        return s;
    }
}
