package io.jsupervisor.config.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The line rules of Python's {@code RawConfigParser(inline_comment_prefixes=(';','#'), strict=False)}:
 * whole-line and inline comments (inline only after whitespace), continuation lines joined with
 * {@code \n}, blank lines kept inside values, {@code =} or {@code :}, lower-cased option names. What
 * ini4j cannot do is done here; the result is handed to {@link Ini4jReader} in a form it reads verbatim.
 */
final class IniPreprocessor {
    private static final Pattern SECTION = Pattern.compile("\\[(.+)\\]", Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("(.*?)\\s*([=:])\\s*(.*)",
            Pattern.DOTALL | Pattern.UNICODE_CHARACTER_CLASS);

    private final String source;
    private final List<IniLine> lines = new ArrayList<>();
    private final StringBuilder errors = new StringBuilder();
    private boolean inSection;
    private String optionKey;
    private int optionLine;
    private List<String> optionValue;
    private int indentLevel;

    private IniPreprocessor(String source) {
        this.source = source;
    }

    /**
     * Splits {@code text} (the file's content) into headers and options.
     *
     * @param source the file name as the reference shows it in parse errors
     * @throws Refusal with the reference's "File contains no section headers" or "Source contains parsing
     *                 errors" message
     */
    static List<IniLine> process(String text, String source) {
        IniPreprocessor p = new IniPreprocessor(source);
        List<String> physical = splitLines(text);
        for (int i = 0; i < physical.size(); i++) {
            p.line(physical.get(i), i + 1);
        }
        p.endOption();
        if (p.errors.length() > 0) {
            throw new Refusal("Source contains parsing errors: " + PyText.repr(source) + p.errors);
        }
        return p.lines;
    }

    /** Python's universal-newline line iteration: each line keeps a trailing {@code \n}. */
    private static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i) + "\n");
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }

    private void line(String line, int lineNo) {
        int commentStart = commentStart(line);
        String value = PyText.strip(commentStart < 0 ? line : line.substring(0, commentStart));
        if (value.isEmpty()) {
            if (commentStart < 0 && optionKey != null) {
                optionValue.add("");
            }
            return;
        }
        int indent = 0;
        while (indent < line.length() && PyText.isSpace(line.charAt(indent))) {
            indent++;
        }
        if (inSection && optionKey != null && indent > indentLevel) {
            optionValue.add(value);
            return;
        }
        indentLevel = indent;
        Matcher header = SECTION.matcher(value);
        if (header.lookingAt()) {
            endOption();
            inSection = true;
            lines.add(new IniLine.Header(header.group(1), lineNo));
            return;
        }
        if (!inSection) {
            throw new Refusal("File contains no section headers.\nfile: " + PyText.repr(source) + ", line: "
                    + lineNo + "\n" + PyText.repr(line));
        }
        Matcher option = OPTION.matcher(value);
        if (!option.matches()) {
            error(lineNo, line);
            return;
        }
        if (option.group(1).isEmpty()) {
            error(lineNo, line);
        }
        endOption();
        optionKey = PyText.lower(PyText.rstrip(option.group(1)));
        optionLine = lineNo;
        optionValue = new ArrayList<>();
        optionValue.add(PyText.strip(option.group(3)));
    }

    /**
     * Index of the comment on this line, or -1: a whole-line prefix, or an inline one after whitespace.
     * Python advances ';' and '#' in lock-step and stops at the first round that finds one, so in
     * {@code a#b #c ;d} the comment starts at {@code ;}, not at the earlier {@code #}.
     */
    static int commentStart(String line) {
        String stripped = PyText.strip(line);
        if (stripped.startsWith("#") || stripped.startsWith(";")) {
            return 0;
        }
        int[] next = {-1, -1};
        boolean[] live = {true, true};
        String prefixes = ";#";
        int found = Integer.MAX_VALUE;
        while (found == Integer.MAX_VALUE && (live[0] || live[1])) {
            for (int p = 0; p < 2; p++) {
                if (!live[p]) {
                    continue;
                }
                int i = line.indexOf(prefixes.charAt(p), next[p] + 1);
                next[p] = i;
                if (i < 0) {
                    live[p] = false;
                } else if (i == 0 || PyText.isSpace(line.charAt(i - 1))) {
                    found = Math.min(found, i);
                }
            }
        }
        return found == Integer.MAX_VALUE ? -1 : found;
    }

    private void error(int lineNo, String line) {
        errors.append(String.format("\n\t[line %2d]: %s", lineNo, PyText.repr(line)));
    }

    private void endOption() {
        if (optionKey != null) {
            lines.add(new IniLine.Option(optionKey, PyText.rstrip(String.join("\n", optionValue)), optionLine));
            optionKey = null;
        }
    }
}
