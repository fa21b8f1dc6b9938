package io.jsupervisor.ctl.client.internal;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.LogFollow;
import io.jsupervisor.ctl.shell.Supervisorctl;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Runs command lines through the command layer, printing as it goes, and follows logs when asked. */
public final class CtlRunner {
    private final Supervisorctl ctl;
    private final ServerSettings settings;
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;

    public CtlRunner(Supervisorctl ctl, ServerSettings settings, PrintStream out, PrintStream err,
                     boolean interactive) {
        this.ctl = ctl;
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    public Supervisorctl ctl() {
        return ctl;
    }

    /** One line: prints its output, follows a log if it asks to, answers its exit status. */
    public int run(String line) {
        CtlResult result = ctl.execute(line, text -> {
            out.print(text);
            out.print('\n');
            out.flush();
        });
        LogFollow follow = result.follow();
        if (follow != null) {
            if (follow.foreground()) {
                foreground(follow);
            } else {
                tail(follow);
            }
        }
        return result.exitStatus();
    }

    private void tail(LogFollow follow) {
        HttpLogFollower follower = new HttpLogFollower(settings);
        boolean[] interrupted = {false};
        try (CtrlC ignored = CtrlC.onInterrupt(() -> {
            interrupted[0] = true;
            follower.stop();
        })) {
            follower.follow(follow.httpPath(), out, err);
        }
        if (interrupted[0]) {
            out.println();
            out.flush();
        }
    }

    private void foreground(LogFollow follow) {
        List<HttpLogFollower> followers = new ArrayList<>();
        for (LogChannel channel : LogChannel.values()) {
            HttpLogFollower follower = new HttpLogFollower(settings);
            followers.add(follower);
            Thread thread = new Thread(() -> follower.follow(follow.httpPath(channel), out, err),
                    "fg-" + channel.label());
            thread.setDaemon(true);
            thread.start();
        }
        Runnable stopAll = () -> followers.forEach(HttpLogFollower::stop);
        if (interactive) {
            // JLine turns Ctrl-C at the prompt into end of input
            ctl.foreground(follow.process(), this::println);
            stopAll.run();
            return;
        }
        try (CtrlC ignored = CtrlC.onInterrupt(() -> {
            // stdin cannot be interrupted: say what the reference says, and leave
            println("Exiting foreground");
            stopAll.run();
            System.exit(0);
        })) {
            ctl.foreground(follow.process(), this::println);
        }
        stopAll.run();
    }

    private void println(String line) {
        out.print(line);
        out.print('\n');
        out.flush();
    }
}
