package io.jsupervisor.ctl.shell.internal;

import java.util.ArrayList;
import java.util.List;

/** {@code help [command]}: a command's help, or the topic table in Python's {@code cmd} layout. */
final class HelpCommand implements Command {
    private static final String HEADER = "default commands (type help <topic>):";
    private static final int DISPLAY_WIDTH = 79;

    private final List<String> topics;

    /** @param topics the commands that have help, sorted */
    HelpCommand(List<String> topics) {
        this.topics = List.copyOf(topics);
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public void run(String arg, Output out) {
        if (!arg.isEmpty()) {
            List<String> text = HelpText.of(arg);
            out.println(text.isEmpty() ? List.of("*** No help on " + arg) : text);
            return;
        }
        out.println("");
        out.println(HEADER);
        out.println("=".repeat(HEADER.length()));
        out.println(columnize(topics));
        out.println("");
    }

    /** Python's {@code Cmd.columnize}: the fewest rows whose columns fit the width, filled column by column. */
    static List<String> columnize(List<String> words) {
        int size = words.size();
        for (int rows = 1; rows < size; rows++) {
            int columns = (size + rows - 1) / rows;
            List<Integer> widths = new ArrayList<>();
            int total = -2;
            for (int col = 0; col < columns; col++) {
                int width = 0;
                for (int row = 0; row < rows && row + col * rows < size; row++) {
                    width = Math.max(width, words.get(row + col * rows).length());
                }
                widths.add(width);
                total += width + 2;
                if (total > DISPLAY_WIDTH) {
                    break;
                }
            }
            if (total <= DISPLAY_WIDTH) {
                return rows(words, rows, widths);
            }
        }
        return rows(words, size, List.of(0));
    }

    private static List<String> rows(List<String> words, int rows, List<Integer> widths) {
        List<String> lines = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            List<String> cells = new ArrayList<>();
            for (int col = 0; col < widths.size() && row + col * rows < words.size(); col++) {
                cells.add(leftJustify(words.get(row + col * rows), widths.get(col)));
            }
            lines.add(String.join("  ", cells));
        }
        return lines;
    }

    private static String leftJustify(String word, int width) {
        return word.length() >= width ? word : word + " ".repeat(width - word.length());
    }
}
