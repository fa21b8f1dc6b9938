package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.Session;
import io.jsupervisor.ctl.shell.Supervisorctl;
import io.jsupervisor.ctl.shell.Upcheck;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * supervisorctl's commands in the Gogo shell, scope {@code supervisor}. Each prints exactly what
 * {@code supervisorctl <command> <args>} prints, to System.out (Gogo routes it to the calling session),
 * and returns nothing; the exit status supervisorctl would give is not shown. {@code tail -f} and
 * {@code maintail -f} follow the log file until Ctrl-C interrupts the command. {@code start}, {@code stop}
 * and {@code update} share names with Felix's own commands: type {@code supervisor:start} where they clash.
 */
@Component(service = GogoCommands.class)
@GogoCommand(scope = "supervisor", function = {"status", "start", "stop", "restart", "signal", "tail", "maintail",
        "pid", "clear", "avail", "reread", "update", "add", "remove", "version", "reload", "shutdown", "fg", "open"})
public final class GogoCommands {
    private final ProcessManager manager;
    private final Supervisorctl ctl;
    private final LogFollower follower;

    @Activate
    public GogoCommands(@Reference ProcessManager manager) {
        this.manager = manager;
        this.ctl = new Supervisorctl(manager);
        this.follower = new LogFollower(manager);
    }

    @Descriptor("show process status (exit status 3 in supervisorctl when one is stopped)")
    public void status(@Descriptor("names, group:* or all; none for all") String... names) {
        run("status", names);
    }

    @Descriptor("start processes, waiting until they are RUNNING")
    public void start(@Descriptor("names, group:* or all") String... names) {
        run("start", names);
    }

    @Descriptor("stop processes, waiting until they have stopped")
    public void stop(@Descriptor("names, group:* or all") String... names) {
        run("stop", names);
    }

    @Descriptor("stop, then start processes (does not reread the configuration)")
    public void restart(@Descriptor("names, group:* or all") String... names) {
        run("restart", names);
    }

    @Descriptor("send a signal to processes")
    public void signal(@Descriptor("signal name or number, then names, group:* or all") String... args) {
        run("signal", args);
    }

    @Descriptor("show the end of a process log, or follow it with -f until Ctrl-C")
    public void tail(@Descriptor("[-f|-BYTES] name [stdout|stderr]; 1600 bytes of stdout by default") String... args) {
        run("tail", args);
    }

    @Descriptor("show the end of supervisord's main log, or follow it with -f until Ctrl-C")
    public void maintail(@Descriptor("[-f|-BYTES]; 1600 bytes by default") String... args) {
        run("maintail", args);
    }

    @Descriptor("show supervisord's pid, or processes' pids")
    public void pid(@Descriptor("none for supervisord; names or all") String... names) {
        run("pid", names);
    }

    @Descriptor("clear process log files")
    public void clear(@Descriptor("names or all") String... names) {
        run("clear", names);
    }

    @Descriptor("list every configured process, in use or available")
    public void avail(String... none) {
        run("avail", none);
    }

    @Descriptor("reread the configuration file and list changed groups, applying nothing")
    public void reread(String... none) {
        run("reread", none);
    }

    @Descriptor("reread the configuration, then remove, restart and add the changed groups; with --changed-only, "
            + "restart only the processes whose own settings changed")
    public void update(@Descriptor("group names or all; none for all; or --changed-only") String... groups) {
        run("update", groups);
    }

    @Descriptor("activate groups from the last read configuration")
    public void add(@Descriptor("group names") String... groups) {
        run("add", groups);
    }

    @Descriptor("remove stopped groups from the running configuration")
    public void remove(@Descriptor("group names") String... groups) {
        run("remove", groups);
    }

    @Descriptor("show the supervisord version JSupervisor reproduces")
    public void version(String... none) {
        run("version", none);
    }

    @Descriptor("restart supervisord in place (no confirmation asked)")
    public void reload(String... none) {
        run("reload", none);
    }

    @Descriptor("shut supervisord down (no confirmation asked)")
    public void shutdown(String... none) {
        run("shutdown", none);
    }

    @Descriptor("connect to a process: show its output, send typed lines to its stdin; Ctrl-D or Ctrl-C leaves")
    public void fg(@Descriptor("process name") String... name) {
        run("fg", name);
    }

    @Descriptor("bin/supervisorctl's open; the in-process commands always talk to this daemon")
    public void open(@Descriptor("http:// or unix:// URL") String... url) {
        run("open", url);
    }

    private void run(String command, String[] args) {
        CtlResult result = ctl.execute(command + " " + String.join(" ", args));
        PrintStream out = System.out;
        out.print(result.text());
        out.flush();
        if (result.follow() == null) {
            return;
        }
        if (result.follow().foreground()) {
            foreground(result.follow().process(), out);
        } else {
            follower.follow(result.follow(), out);
        }
    }

    /** fg: both logs followed by two threads; this thread feeds the session's input lines to the process. */
    private void foreground(String process, PrintStream out) {
        List<Thread> threads = new ArrayList<>();
        for (LogChannel channel : LogChannel.values()) {
            // System.out is this session's only on this thread (Gogo's ThreadIO): hand the stream over
            Thread thread = new Thread(() -> manager.processLogFile(process, channel)
                    .ifPresent(file -> follower.follow(file, out)), "fg-" + process + "-" + channel.label());
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Session input = new Session() {
            @Override
            public String readLine(String prompt) {
                try {
                    return in.readLine();
                } catch (IOException e) {
                    return null;
                }
            }
        };
        try {
            new Supervisorctl(manager, Upcheck.ALWAYS_UP, input).foreground(process, line -> {
                out.println(line);
                out.flush();
            });
        } finally {
            threads.forEach(Thread::interrupt);
        }
    }
}
