package io.jsupervisor.config.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dict_of_key_value_pairs}: {@code K=V,K2="v 2"} split with Python's {@code shlex} in non-POSIX
 * mode (word characters: letters, digits, {@code _/.+-():}), surrounding quotes stripped from values.
 */
final class KeyValuePairs {
    private static final String WORD = "abcdfeghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_/.+-():";
    private static final String SPACE = " \t\r\n";

    private final String text;
    private int pos;

    private KeyValuePairs(String text) {
        this.text = text;
    }

    static Map<String, String> parse(String arg) {
        List<String> tokens = new KeyValuePairs(arg).tokens();
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < tokens.size(); i += 4) {
            if (i + 3 > tokens.size() || !tokens.get(i + 1).equals("=")) {
                throw new Refusal("Unexpected end of key/value pairs in value '" + arg + "'");
            }
            out.put(tokens.get(i), stripQuotes(tokens.get(i + 2)));
        }
        return out;
    }

    private static String stripQuotes(String v) {
        int b = 0;
        int e = v.length();
        while (b < e && (v.charAt(b) == '"' || v.charAt(b) == '\'')) {
            b++;
        }
        while (e > b && (v.charAt(e - 1) == '"' || v.charAt(e - 1) == '\'')) {
            e--;
        }
        return v.substring(b, e);
    }

    private List<String> tokens() {
        List<String> out = new ArrayList<>();
        for (String t = next(); !t.isEmpty(); t = next()) {
            out.add(t);
        }
        return out;
    }

    /** One token as shlex's non-POSIX {@code read_token} makes it; "" at the end. */
    private String next() {
        StringBuilder token = new StringBuilder();
        char state = ' ';
        while (pos < text.length() || state != ' ' || token.length() > 0) {
            if (pos >= text.length()) {
                if (state == '"' || state == '\'') {
                    throw new Refusal("No closing quotation");
                }
                break;
            }
            char c = text.charAt(pos++);
            if (state == ' ') {
                if (SPACE.indexOf(c) >= 0) {
                    continue;
                } else if (c == '#') {
                    skipLine();
                } else if (WORD.indexOf(c) >= 0) {
                    token.append(c);
                    state = 'a';
                } else if (c == '"' || c == '\'') {
                    token.append(c);
                    state = c;
                } else {
                    return String.valueOf(c);
                }
            } else if (state == 'a') {
                if (SPACE.indexOf(c) >= 0) {
                    break;
                } else if (c == '#') {
                    // non-POSIX shlex drops the rest of the line and keeps building the same word
                    skipLine();
                } else if (WORD.indexOf(c) >= 0 || c == '"' || c == '\'') {
                    token.append(c);
                } else {
                    pos--;
                    break;
                }
            } else {
                token.append(c);
                if (c == state) {
                    break;
                }
            }
        }
        return token.toString();
    }

    private void skipLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            pos++;
        }
        if (pos < text.length()) {
            pos++;
        }
    }
}
