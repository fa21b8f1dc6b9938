package io.jsupervisor.web.ui.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escaping for HTML text and attribute values, and percent-encoding for URLs we build. */
final class Html {
    private Html() {
    }

    /**
     * Escapes {@code & < > " '} so the text is safe both as element content and inside a quoted
     * attribute. C0 control characters (other than TAB, LF, CR) become Unicode control pictures
     * (ESC shows as U+241B) so child output with ANSI colours stays readable and the page stays valid.
     */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(c);
                default -> {
                    if (c < 0x20) {
                        out.append((char) (0x2400 + c));
                    } else if (c == 0x7f) {
                        out.append('\u2421');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Percent-encodes one query value or path segment (space as {@code %20}, {@code :} and {@code /} encoded). */
    static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
