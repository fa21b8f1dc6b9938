package io.jsupervisor.events.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** The few Python conversions the listener protocol's messages depend on. */
final class PyText {
    private PyText() {
    }

    /**
     * Python's {@code int(b)} for base 10: surrounding whitespace, a sign, digits with single
     * underscores between them. {@code null} where Python raises ValueError (or the number does not
     * fit a long).
     */
    static Long parseInt(byte[] b) {
        int start = 0;
        int end = b.length;
        while (start < end && isSpace(b[start])) {
            start++;
        }
        while (end > start && isSpace(b[end - 1])) {
            end--;
        }
        boolean negative = false;
        if (start < end && (b[start] == '+' || b[start] == '-')) {
            negative = b[start] == '-';
            start++;
        }
        if (start == end || !isDigit(b[start]) || !isDigit(b[end - 1])) {
            return null;
        }
        long value = 0;
        for (int i = start; i < end; i++) {
            if (b[i] == '_') {
                if (b[i - 1] == '_') {
                    return null;
                }
                continue;
            }
            if (!isDigit(b[i])) {
                return null;
            }
            int digit = b[i] - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                return null;
            }
            value = value * 10 + digit;
        }
        return negative ? -value : value;
    }

    /** {@code as_string(b)}, or the reference's {@code Undecodable: b'...'} when it is not UTF-8. */
    static String decodeOrUndecodable(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return "Undecodable: " + bytesRepr(b);
        }
    }

    /** Python's {@code repr()} of a bytes object. */
    static String bytesRepr(byte[] b) {
        boolean hasSingle = false;
        boolean hasDouble = false;
        for (byte c : b) {
            hasSingle |= c == '\'';
            hasDouble |= c == '"';
        }
        char quote = hasSingle && !hasDouble ? '"' : '\'';
        StringBuilder s = new StringBuilder("b").append(quote);
        for (byte c : b) {
            int v = c & 0xff;
            if (v == quote || v == '\\') {
                s.append('\\').append((char) v);
            } else if (v == '\t') {
                s.append("\\t");
            } else if (v == '\n') {
                s.append("\\n");
            } else if (v == '\r') {
                s.append("\\r");
            } else if (v < 0x20 || v >= 0x7f) {
                s.append(String.format("\\x%02x", v));
            } else {
                s.append((char) v);
            }
        }
        return s.append(quote).toString();
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
