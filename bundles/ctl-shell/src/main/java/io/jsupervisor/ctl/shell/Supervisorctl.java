package io.jsupervisor.ctl.shell;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.ctl.shell.internal.CommandTable;
import io.jsupervisor.ctl.shell.internal.ForegroundLoop;
import java.util.List;
import java.util.function.Consumer;

/**
 * supervisorctl 4.2.5's commands, run against a {@link ProcessManager}: same output lines, same exit
 * status. Commands: add, avail, clear, exit, fg, help, maintail, open, pid, quit, reload, remove, reread,
 * restart, shutdown, signal, start, status, stop, tail, update, version (and EOF). {@code tail -f},
 * {@code maintail -f} and {@code fg} print the banner and return a {@link LogFollow} for the caller to follow.
 * The {@link Session} tells interactive use (confirmations, login after a 401) and carries {@code open}.
 * Thread-safe if the ProcessManager is; every call works on its own output.
 */
public final class Supervisorctl {
    private final CommandTable commands;
    private final ProcessManager manager;
    private final Session session;

    /** For the in-process ProcessManager, which is always up. */
    public Supervisorctl(ProcessManager manager) {
        this(manager, Upcheck.ALWAYS_UP);
    }

    public Supervisorctl(ProcessManager manager, Upcheck upcheck) {
        this(manager, upcheck, Session.IN_PROCESS);
    }

    public Supervisorctl(ProcessManager manager, Upcheck upcheck, Session session) {
        this.manager = manager;
        this.session = session;
        this.commands = new CommandTable(manager, upcheck, session);
    }

    /**
     * Runs one command line as {@code supervisorctl <line>} would (the CLI joins its arguments with spaces):
     * the first word is the command, the rest its arguments. Blank line: nothing, status 0; unknown command:
     * {@code *** Unknown syntax: <line>}, status 1.
     */
    public CtlResult execute(String line) {
        return commands.execute(line);
    }

    /**
     * As {@link #execute(String)}, also handing each line to {@code live} the moment it is made: an interactive
     * front end prints them there, so a prompt the command asks comes after the lines before it.
     */
    public CtlResult execute(String line, Consumer<String> live) {
        return commands.execute(line, live);
    }

    /** True when the line is {@code quit}, {@code exit} or {@code EOF}: the interactive shell ends after it. */
    public boolean endsShell(String line) {
        return CommandTable.QUIT_WORDS.contains(CommandTable.commandWord(line));
    }

    /**
     * {@code fg}'s input side, after {@link CtlResult#follow()} asked for it: reads lines from the session and
     * sends each to the process's stdin until end of input (prints {@code Exiting foreground}) or the process
     * stops ({@code Process got killed}). The caller streams both logs meanwhile.
     */
    public void foreground(String process, Consumer<String> out) {
        new ForegroundLoop(manager).run(process, session, out);
    }

    /** The command words this implementation knows, sorted. */
    public List<String> commandNames() {
        return commands.names();
    }
}
