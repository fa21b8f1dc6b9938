package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.LogFollow;
import io.jsupervisor.ctl.shell.Upcheck;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** {@code maintail [-f | -N]}: the last N bytes (default 1600) of supervisord's own log, or follow it. */
final class MaintailCommand implements Command {
    private static final long DEFAULT_BYTES = 1600;

    private final ProcessManager manager;
    private final Upcheck upcheck;

    MaintailCommand(ProcessManager manager, Upcheck upcheck) {
        this.manager = manager;
        this.upcheck = upcheck;
    }

    @Override
    public String name() {
        return "maintail";
    }

    @Override
    public void run(String arg, Output out) {
        if (!out.upcheck(upcheck)) {
            return;
        }
        List<String> args = PyText.split(arg);
        if (args.size() > 1) {
            out.println("Error: too many arguments");
            out.status(ExitStatus.GENERIC);
            out.println(HelpText.of(name()));
            return;
        }
        long bytes = DEFAULT_BYTES;
        if (args.size() == 1) {
            String modifier = args.get(0);
            if (modifier.equals("-f")) {
                out.println(TailCommand.FOLLOW_BANNER);
                out.follow(LogFollow.mainLog());
                return;
            }
            Long parsed = modifier.startsWith("-") ? PyText.parseInt(modifier.substring(1)) : null;
            if (parsed == null) {
                fail("Error: bad argument " + modifier, out);
                return;
            }
            bytes = parsed;
        }
        read(bytes, out);
    }

    private void read(long bytes, Output out) {
        byte[] data;
        try {
            data = manager.readMainLog(-bytes, 0);
        } catch (SupervisorException e) {
            out.status(ExitStatus.GENERIC);
            switch (e.fault()) {
                case NO_FILE -> out.println("supervisord: ERROR (no log file)");
                case FAILED -> out.println("supervisord: ERROR (unknown error reading log)");
                default -> throw e;
            }
            return;
        }
        out.println(new String(data, StandardCharsets.UTF_8));
    }

    private static void fail(String message, Output out) {
        out.println(message);
        out.status(ExitStatus.GENERIC);
    }
}
