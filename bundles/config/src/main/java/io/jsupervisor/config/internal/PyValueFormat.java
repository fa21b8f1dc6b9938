package io.jsupervisor.config.internal;

import java.util.Map;
import java.util.stream.Collectors;

/** One {@code %x} conversion of Python's {@code %} operator, for the str, int and dict values we expand. */
final class PyValueFormat {
    private PyValueFormat() {
    }

    static String convert(char conv, Object value, String flags, Integer precision, int index) {
        switch (conv) {
            case 's':
                return truncate(str(value), precision);
            case 'r':
            case 'a':
                return truncate(repr(value), precision);
            case 'd':
            case 'i':
            case 'u':
                return signed(integer(conv, value, "a real number"), flags, "", precision);
            case 'o':
            case 'x':
            case 'X':
                return radix(conv, integer(conv, value, "an integer"), flags, precision);
            case 'e':
            case 'E':
            case 'f':
            case 'F':
            case 'g':
            case 'G':
                return real(conv, value, flags, precision);
            case 'c':
                return character(value);
            default:
                throw new PercentFormat.BadFormat(String.format("unsupported format character '%c' (0x%x) at index %d",
                        conv, (int) conv, index));
        }
    }

    private static String str(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m.entrySet().stream().map(e -> repr(e.getKey()) + ": " + repr(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return String.valueOf(v);
    }

    private static String repr(Object v) {
        return v instanceof String s ? PyText.repr(s) : str(v);
    }

    private static String truncate(String s, Integer precision) {
        return precision != null && precision < s.length() ? s.substring(0, precision) : s;
    }

    private static long integer(char conv, Object v, String what) {
        if (v instanceof Integer i) {
            return i;
        }
        throw new PercentFormat.BadFormat("%" + conv + " format: " + what + " is required, not " + typeName(v));
    }

    private static String typeName(Object v) {
        return v instanceof String ? "str" : v instanceof Map ? "dict" : "int";
    }

    private static String signed(long n, String flags, String prefix, Integer precision) {
        String digits = Long.toString(Math.abs(n));
        if (precision != null && digits.length() < precision) {
            digits = "0".repeat(precision - digits.length()) + digits;
        }
        String sign = n < 0 ? "-" : flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
        return sign + prefix + digits;
    }

    private static String radix(char conv, long n, String flags, Integer precision) {
        String digits = Long.toString(Math.abs(n), conv == 'o' ? 8 : 16);
        if (conv == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        if (precision != null && digits.length() < precision) {
            digits = "0".repeat(precision - digits.length()) + digits;
        }
        String prefix = flags.indexOf('#') < 0 ? "" : conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X";
        String sign = n < 0 ? "-" : flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
        return sign + prefix + digits;
    }

    private static String real(char conv, Object v, String flags, Integer precision) {
        if (!(v instanceof Integer i)) {
            throw new PercentFormat.BadFormat("must be real number, not " + typeName(v));
        }
        int p = precision == null ? 6 : precision;
        String sign = i < 0 ? "" : flags.indexOf('+') >= 0 ? "+" : flags.indexOf(' ') >= 0 ? " " : "";
        String body;
        switch (Character.toLowerCase(conv)) {
            case 'e' -> body = String.format(java.util.Locale.ROOT, "%." + p + "e", (double) i);
            case 'f' -> body = String.format(java.util.Locale.ROOT, "%." + p + "f", (double) i);
            default -> body = Long.toString(i);
        }
        return sign + (Character.isUpperCase(conv) ? body.toUpperCase(java.util.Locale.ROOT) : body);
    }

    private static String character(Object v) {
        if (v instanceof Integer i) {
            return new String(Character.toChars(i));
        }
        if (v instanceof String s && s.codePointCount(0, s.length()) == 1) {
            return s;
        }
        throw new PercentFormat.BadFormat("%c requires int or char");
    }
}
