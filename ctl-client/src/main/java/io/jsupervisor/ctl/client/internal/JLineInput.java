package io.jsupervisor.ctl.client.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell's input through JLine 3: line editing, history in {@code history_file}, and completion
 * of command words, then process names, {@code group:*} and {@code all} (the reference's readline completer
 * treats {@code group:process} and {@code group:*} as one word, as JLine's parser does here).
 */
final class JLineInput implements LineInput, AutoCloseable {
    private final Terminal terminal;
    private final LineReader reader;

    private JLineInput(Terminal terminal, LineReader reader) {
        this.terminal = terminal;
        this.reader = reader;
    }

    /** A JLine input on the system terminal, or null when there is no terminal (stdin is a pipe). */
    static LineInput create(String historyFile, List<String> commands, Supplier<List<String>> processes,
                            Supplier<List<String>> groups, PrintStream out) {
        if (System.console() == null) {
            return null;
        }
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build();
            DefaultParser parser = new DefaultParser();
            parser.setEscapeChars(new char[0]);
            parser.setQuoteChars(new char[0]);
            LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).parser(parser)
                    .completer((lineReader, line, candidates) -> complete(line.wordIndex(), line.words(), commands,
                            processes, groups, candidates))
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .option(LineReader.Option.AUTO_FRESH_LINE, false)
                    // one command per line, as readline writes the reference's history_file
                    .option(LineReader.Option.HISTORY_TIMESTAMPED, false);
            if (historyFile != null) {
                builder.variable(LineReader.HISTORY_FILE, Path.of(historyFile));
            }
            return new JLineInput(terminal, builder.build());
        } catch (IOException | RuntimeException | LinkageError e) {
            return null;
        }
    }

    private static void complete(int wordIndex, List<String> words, List<String> commands,
                                 Supplier<List<String>> processes, Supplier<List<String>> groups,
                                 List<Candidate> candidates) {
        if (wordIndex == 0) {
            commands.stream().filter(c -> !c.equals("EOF")).forEach(c -> candidates.add(new Candidate(c)));
            return;
        }
        List<String> names = new ArrayList<>();
        try {
            names.addAll(processes.get());
            names.addAll(groups.get());
        } catch (RuntimeException e) {
            // no server, no names
            return;
        }
        names.add("all");
        names.forEach(n -> candidates.add(new Candidate(n)));
    }

    @Override
    public String readLine(String prompt) {
        try {
            return reader.readLine(prompt);
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    @Override
    public String readPassword(String prompt) {
        try {
            return reader.readLine(prompt, '*');
        } catch (UserInterruptException | EndOfFileException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        reader.getHistory().save();
        terminal.close();
    }
}
