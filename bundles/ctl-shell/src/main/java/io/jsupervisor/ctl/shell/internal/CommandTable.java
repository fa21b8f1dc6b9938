package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every command by name, and supervisorctl's {@code onecmd}: parse a line, run it, catch what escapes. */
public final class CommandTable {
    private final Map<String, Command> commands = new TreeMap<>();

    public CommandTable(ProcessManager manager, Upcheck upcheck) {
        Command stop = new StartStopCommand(StartStopCommand.Verb.STOP, manager, upcheck);
        Command start = new StartStopCommand(StartStopCommand.Verb.START, manager, upcheck);
        add(new StatusCommand(manager, upcheck));
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
        add(new UpdateCommand(manager));
        add(new AddCommand(manager));
        add(new RemoveCommand(manager));
        add(new VersionCommand(upcheck));
        add(new ReloadCommand(manager));
        add(new ShutdownCommand(manager));
        // the reference's topic table leaves out help itself
        add(new HelpCommand(new ArrayList<>(commands.keySet())));
    }

    private void add(Command command) {
        commands.put(command.name(), command);
    }

    /** The command words, sorted. */
    public List<String> names() {
        return List.copyOf(commands.keySet());
    }

    /** Python {@code cmd.Cmd.parseline} plus supervisorctl's {@code onecmd}. */
    public CtlResult execute(String line) {
        Output out = new Output();
        String stripped = line.strip();
        if (stripped.isEmpty()) {
            return out.result();
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
            return out.result();
        }
        try {
            command.run(stripped.substring(end).strip(), out);
        } catch (RuntimeException e) {
            out.println(Raised.from(e).errorLine());
            out.status(ExitStatus.GENERIC);
        }
        return out.result();
    }

    private static boolean isIdentChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
}
