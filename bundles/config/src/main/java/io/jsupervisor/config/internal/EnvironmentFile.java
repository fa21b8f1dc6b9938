package io.jsupervisor.config.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Our opt-in {@code environment_file = /path/.env} ({@code [program:x]} and siblings, {@code [supervisord]}):
 * read when the configuration is loaded (start, reread, reload), so a missing or bad file is refused like a bad
 * value, and a changed file makes {@code reread} call the group changed. Its variables go under the section's
 * {@code environment=} (which wins). The rules, docker / systemd-like:
 * <ul>
 * <li>one {@code KEY=VALUE} per line (UTF-8, {@code \n} or {@code \r\n}); blank lines and lines starting with
 * {@code #} are skipped; an optional {@code export } prefix; blanks around the key and after {@code =} ignored;
 * <li>KEY: letters, digits and {@code _}, not starting with a digit;
 * <li>VALUE unquoted: the rest of the line, trailing blanks dropped, cut at a blank followed by {@code #};
 * {@code 'single'}: literal; {@code "double"}: {@code \\ \" \n \t \r \$} escapes, any other backslash kept;
 * after a closing quote only blanks or a {@code #} comment; a quote must close on its line;
 * <li>no {@code $VAR} or {@code %(x)s} expansion; a later line for the same key wins.
 * </ul>
 */
final class EnvironmentFile {
    static final String OPTION = "environment_file";
    /** A .env file is small; this refuses pointing the option at a log or a binary by mistake. */
    static final long MAX_BYTES = 1L << 20;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private EnvironmentFile() {
    }

    /**
     * @param environment the section's own {@code environment=}
     * @return {@code environment} with the file's variables underneath, or {@code environment} without the option
     */
    static Map<String, String> under(SectionOptions opts, Map<String, Object> names, PathRules paths,
                                     Map<String, String> environment) {
        String value = opts.get(OPTION, null, names);
        if (value == null) {
            return environment;
        }
        Map<String, String> merged = opts.typed(OPTION, value, text -> read(paths, text));
        merged.putAll(environment);
        return merged;
    }

    /** The variables of the file named by {@code value} ({@code ~} and relative paths as the reference's paths). */
    static Map<String, String> read(PathRules paths, String value) {
        if (PyText.strip(value).isEmpty()) {
            throw new Refusal("empty path");
        }
        String path = paths.normalize(PyText.strip(value));
        return parse(PyText.repr(path), text(Path.of(path)));
    }

    private static String text(Path file) {
        String shown = PyText.repr(file.toString());
        try {
            if (Files.isDirectory(file)) {
                throw new Refusal("cannot read " + shown + ": Is a directory");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new Refusal("cannot read " + shown + ": larger than 1 MiB");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new Refusal("cannot read " + shown + ": No such file or directory");
        } catch (AccessDeniedException e) {
            throw new Refusal("cannot read " + shown + ": Permission denied");
        } catch (CharacterCodingException e) {
            throw new Refusal("cannot read " + shown + ": not UTF-8 text");
        } catch (IOException e) {
            throw new Refusal("cannot read " + shown + ": " + e.getMessage());
        }
    }

    /** @param shown the file as named in refusals */
    static Map<String, String> parse(String shown, String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            String where = shown + " line " + (i + 1) + ": ";
            if (line.indexOf('\0') >= 0) {
                throw new Refusal(where + "contains a NUL character");
            }
            String s = strip(line);
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            if (s.startsWith("export") && s.length() > 6 && blank(s.charAt(6))) {
                s = strip(s.substring(6));
            }
            int eq = s.indexOf('=');
            if (eq < 0) {
                throw new Refusal(where + "expected KEY=VALUE, got " + PyText.repr(s));
            }
            String key = strip(s.substring(0, eq));
            if (!NAME.matcher(key).matches()) {
                throw new Refusal(where + "invalid variable name " + PyText.repr(key));
            }
            out.put(key, value(where, s.substring(eq + 1)));
        }
        return out;
    }

    private static String value(String where, String text) {
        String v = strip(text);
        if (v.startsWith("'")) {
            int close = v.indexOf('\'', 1);
            if (close < 0) {
                throw new Refusal(where + "unterminated single quote");
            }
            return afterQuote(where, v.substring(1, close), v.substring(close + 1));
        }
        if (v.startsWith("\"")) {
            StringBuilder out = new StringBuilder();
            for (int i = 1; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '"') {
                    return afterQuote(where, out.toString(), v.substring(i + 1));
                }
                if (c == '\\' && i + 1 < v.length()) {
                    char n = v.charAt(++i);
                    switch (n) {
                        case 'n' -> out.append('\n');
                        case 't' -> out.append('\t');
                        case 'r' -> out.append('\r');
                        case '\\', '"', '$' -> out.append(n);
                        default -> out.append('\\').append(n);
                    }
                } else {
                    out.append(c);
                }
            }
            throw new Refusal(where + "unterminated double quote");
        }
        for (int i = 1; i < text.length(); i++) {
            if (text.charAt(i) == '#' && blank(text.charAt(i - 1))) {
                return strip(text.substring(0, i));
            }
        }
        return strip(text);
    }

    private static String afterQuote(String where, String value, String tail) {
        String t = strip(tail);
        if (!t.isEmpty() && !t.startsWith("#")) {
            throw new Refusal(where + "unexpected text after the closing quote: " + PyText.repr(t));
        }
        return value;
    }

    /** Blanks are spaces and tabs only: other white space (say a no-break space) belongs to the value. */
    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    private static String strip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && blank(s.charAt(b))) {
            b++;
        }
        while (e > b && blank(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }
}
