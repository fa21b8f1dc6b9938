package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.ctl.shell.AuthenticationRequired;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Session;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/** Every command by name, and supervisorctl's {@code onecmd}: parse a line, run it, catch what escapes. */
public final class CommandTable {
    /** The words that end the interactive shell. */
    public static final Set<String> QUIT_WORDS = Set.of("quit", "exit", "EOF");

    private final Map<String, Command> commands = new TreeMap<>();
    private final Session session;

    public CommandTable(ProcessManager manager, Upcheck upcheck, Session session) {
        this.session = session;
        Command stop = new StartStopCommand(StartStopCommand.Verb.STOP, manager, upcheck);
        Command start = new StartStopCommand(StartStopCommand.Verb.START, manager, upcheck);
        Command status = new StatusCommand(manager, upcheck);
        add(status);
        add(start);
        add(stop);
        add(new RestartCommand(stop, start, upcheck));
        add(new SignalCommand(manager, upcheck));
        add(new TailCommand(manager, upcheck));
        add(new MaintailCommand(manager, upcheck));
        add(new PidCommand(manager, upcheck));
        add(new ClearCommand(manager, upcheck));
        add(new AvailCommand(manager));
        add(new RereadCommand(manager));
        add(new UpdateCommand(manager, session));
        add(new AddCommand(manager));
        add(new RemoveCommand(manager));
        add(new VersionCommand(upcheck, session));
        add(new ReloadCommand(manager, session));
        add(new ShutdownCommand(manager, session));
        add(new FgCommand(manager, upcheck));
        add(new OpenCommand(session, status));
        add(new QuitCommand("quit"));
        add(new QuitCommand("exit"));
        // the reference's topic table lists its plugin's commands: not help itself, not the shell's EOF
        add(new HelpCommand(new ArrayList<>(commands.keySet())));
        add(new QuitCommand("EOF"));
    }

    private void add(Command command) {
        commands.put(command.name(), command);
    }

    /** The command words, sorted. */
    public List<String> names() {
        return List.copyOf(commands.keySet());
    }

    /** The command word of a line, as {@link #execute} finds it ({@code ?} counts as help). */
    public static String commandWord(String line) {
        String stripped = line.strip();
        if (stripped.startsWith("?")) {
            return "help";
        }
        int end = 0;
        while (end < stripped.length() && isIdentChar(stripped.charAt(end))) {
            end++;
        }
        return stripped.substring(0, end);
    }

    /** Python {@code cmd.Cmd.parseline} plus supervisorctl's {@code onecmd}. */
    public CtlResult execute(String line) {
        return execute(line, text -> { });
    }

    /** As {@link #execute(String)}, handing each line to {@code live} as soon as it is made. */
    public CtlResult execute(String line, Consumer<String> live) {
        Output out = new Output(live);
        run(line, out);
        return out.result();
    }

    private void run(String line, Output out) {
        String stripped = line.strip();
        if (stripped.isEmpty()) {
            return;
        }
        if (stripped.charAt(0) == '?') {
            stripped = "help " + stripped.substring(1);
        }
        int end = 0;
        while (end < stripped.length() && isIdentChar(stripped.charAt(end))) {
            end++;
        }
        Command command = commands.get(stripped.substring(0, end));
        if (command == null) {
            out.println("*** Unknown syntax: " + stripped);
            out.status(ExitStatus.GENERIC);
            return;
        }
        String arg = stripped.substring(end).strip();
        try {
            try {
                command.run(arg, out);
                return;
            } catch (AuthenticationRequired e) {
                out.println("Server requires authentication");
                if (session.interactive()) {
                    String username = session.readLine("Username:");
                    String password = session.readPassword("Password:");
                    out.println("");
                    session.login(username == null ? "" : username, password == null ? "" : password);
                    run(line, out);
                    return;
                }
                out.status(ExitStatus.GENERIC);
            }
            // the reference runs the command a second time here (a quirk); its failure is what it shows
            command.run(arg, out);
        } catch (RuntimeException e) {
            out.println(Raised.from(e).errorLine());
            out.status(ExitStatus.GENERIC);
        }
    }

    private static boolean isIdentChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
