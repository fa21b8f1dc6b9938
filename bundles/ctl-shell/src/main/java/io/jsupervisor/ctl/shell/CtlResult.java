package io.jsupervisor.ctl.shell;

import java.util.List;

/**
 * What one supervisorctl command produced.
 *
 * @param lines      each entry is one of supervisorctl's {@code output()} calls; an entry may itself hold
 *                   newlines (help texts, log data), and each is printed followed by {@code \n}
 * @param exitStatus the status the reference's supervisorctl would exit with (see {@link ExitStatus})
 */
public record CtlResult(List<String> lines, int exitStatus) {
    public CtlResult {
        lines = List.copyOf(lines);
    }

    /** The text exactly as supervisorctl writes it to stdout. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
