package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.LogFollow;
import io.jsupervisor.ctl.shell.Upcheck;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code tail [-f | -N] name [stdout|stderr]}: the last N bytes (default 1600) of a process log. For
 * {@code -f} it prints the reference's banner and asks the caller to follow the log.
 */
final class TailCommand implements Command {
    private static final long DEFAULT_BYTES = 1600;
    static final String FOLLOW_BANNER = "==> Press Ctrl-C to exit <==";

    private final ProcessManager manager;
    private final Upcheck upcheck;

    TailCommand(ProcessManager manager, Upcheck upcheck) {
        this.manager = manager;
        this.upcheck = upcheck;
    }

    @Override
    public String name() {
        return "tail";
    }

    @Override
    public void run(String arg, Output out) {
        if (!out.upcheck(upcheck)) {
            return;
        }
        List<String> args = new ArrayList<>(PyText.split(arg));
        if (args.isEmpty() || args.size() > 3) {
            out.println(args.isEmpty() ? "Error: too few arguments" : "Error: too many arguments");
            out.status(ExitStatus.GENERIC);
            out.println(HelpText.of(name()));
            return;
        }
        String modifier = args.get(0).startsWith("-") ? args.remove(0) : null;
        if (args.isEmpty()) {
            fail("Error: tail requires process name", out);
            return;
        }
        String name = args.get(0);
        String channel = args.size() == 1 ? "stdout" : args.get(args.size() - 1).toLowerCase(Locale.ROOT);
        if (!channel.equals("stdout") && !channel.equals("stderr")) {
            fail("Error: bad channel " + PyText.repr(channel), out);
            return;
        }
        long bytes = DEFAULT_BYTES;
        if (modifier != null) {
            if (modifier.equals("-f")) {
                out.println(FOLLOW_BANNER);
                out.follow(new LogFollow(name, channel.equals("stdout") ? LogChannel.STDOUT : LogChannel.STDERR));
                return;
            }
            Long parsed = PyText.parseInt(modifier.substring(1));
            if (parsed == null) {
                fail("Error: bad argument " + modifier, out);
                return;
            }
            bytes = parsed;
        }
        read(name, channel.equals("stdout") ? LogChannel.STDOUT : LogChannel.STDERR, bytes, out);
    }

    private void read(String name, LogChannel channel, long bytes, Output out) {
        byte[] data;
        try {
            data = manager.readProcessLog(name, channel, -bytes, 0);
        } catch (SupervisorException e) {
            String reason = switch (e.fault()) {
                case NO_FILE -> "no log file";
                case FAILED -> "unknown error reading log";
                case BAD_NAME -> "no such process name";
                default -> null;
            };
            out.status(ExitStatus.GENERIC);
            if (reason == null) {
                throw e;
            }
            out.println(name + ": ERROR (" + reason + ")");
            return;
        }
        out.println(new String(data, StandardCharsets.UTF_8));
    }

    private static void fail(String message, Output out) {
        out.println(message);
        out.status(ExitStatus.GENERIC);
    }
}
