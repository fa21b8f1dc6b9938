package io.jsupervisor.rpc.xml.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns log bytes and other text into characters that XML 1.0 can carry.
 *
 * <p>The reference decodes logs as strict UTF-8 (a cut character gives HTTP 500) and writes control
 * characters raw (ESC or NUL in a log makes the reply unparseable, supervisor issue #85). We decode
 * with U+FFFD for malformed sequences, and map every character XML 1.0 forbids to a visible stand-in:
 * C0 controls other than TAB, LF and CR become the matching Unicode "control picture" (NUL becomes
 * U+2400, ESC U+241B), so an ANSI colour code stays recognisable; U+FFFE, U+FFFF and lone surrogates
 * become U+FFFD. Everything else passes unchanged.
 */
final class XmlText {
    private static final char CONTROL_PICTURES = '\u2400';

    private XmlText() {
    }

    /** UTF-8 with replacement of malformed and unmappable input, then {@link #sanitize}. */
    static String decodeUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            return sanitize(decoder.decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("a replacing decoder cannot fail", e);
        }
    }

    /** The text with every character illegal in XML 1.0 replaced; the same instance when clean. */
    static String sanitize(String s) {
        int i = firstIllegal(s);
        if (i < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length()).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else {
                b.append(legal(c));
            }
        }
        return b.toString();
    }

    private static int firstIllegal(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (legal(c) != c) {
                return i;
            }
        }
        return -1;
    }

    private static char legal(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r' ? c : (char) (CONTROL_PICTURES + c);
        }
        if (Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
            return '\uFFFD';
        }
        return c;
    }
}
