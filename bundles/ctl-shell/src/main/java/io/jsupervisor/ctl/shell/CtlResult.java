package io.jsupervisor.ctl.shell;

import java.util.List;

/**
 * What one supervisorctl command produced.
 *
 * @param lines      each entry is one of supervisorctl's {@code output()} calls; an entry may itself hold
 *                   newlines (help texts, log data), and each is printed followed by {@code \n}
 * @param exitStatus the status the reference's supervisorctl would exit with (see {@link ExitStatus})
 * @param follow     a log to follow after printing the lines, until the user interrupts; {@code null} if none
 */
public record CtlResult(List<String> lines, int exitStatus, LogFollow follow) {
    public CtlResult {
        lines = List.copyOf(lines);
    }

    public CtlResult(List<String> lines, int exitStatus) {
        this(lines, exitStatus, null);
    }

    /** The text exactly as supervisorctl writes it to stdout (before any following). */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
