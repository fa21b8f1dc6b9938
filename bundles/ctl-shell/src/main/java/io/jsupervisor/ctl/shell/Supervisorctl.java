package io.jsupervisor.ctl.shell;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.ctl.shell.internal.CommandTable;
import java.util.List;

/**
 * supervisorctl 4.2.5's commands, run against a {@link ProcessManager}: same output lines, same exit
 * status. Commands: add, avail, clear, help, maintail, pid, reload, remove, reread, restart, shutdown,
 * signal, start, status, stop, tail, update, version. {@code tail -f} and {@code maintail -f} print the banner
 * and return a {@link LogFollow} for the caller to follow. Not here:
 * {@code fg}, {@code open}, {@code quit}/{@code exit}, confirmation prompts (behaves as non-interactive).
 * Thread-safe if the ProcessManager is; every call works on its own output.
 */
public final class Supervisorctl {
    private final CommandTable commands;

    /** For the in-process ProcessManager, which is always up. */
    public Supervisorctl(ProcessManager manager) {
        this(manager, Upcheck.ALWAYS_UP);
    }

    public Supervisorctl(ProcessManager manager, Upcheck upcheck) {
        this.commands = new CommandTable(manager, upcheck);
    }

    /**
     * Runs one command line as {@code supervisorctl <line>} would (the CLI joins its arguments with spaces):
     * the first word is the command, the rest its arguments. Blank line: nothing, status 0; unknown command:
     * {@code *** Unknown syntax: <line>}, status 1.
     */
    public CtlResult execute(String line) {
        return commands.execute(line);
    }

    /** The command words this implementation knows, sorted. */
    public List<String> commandNames() {
        return commands.names();
    }
}
