package io.jsupervisor.ctl.client.internal;

import io.jsupervisor.api.ProcessInfo;
import java.io.PrintStream;

/**
 * supervisorctl's shell: runs {@code status} first, then reads lines with the prompt until EOF, Ctrl-C,
 * {@code quit} or {@code exit}. Line editing, history ({@code history_file}) and completion come from JLine
 * when a terminal is there; otherwise lines are read plainly from stdin.
 */
public final class InteractiveShell {
    private InteractiveShell() {
    }

    public static void run(CtlRunner runner, ClientSession session, RemoteProcessManager manager,
                           ClientOptions options, PrintStream out) {
        String prompt = options.prompt() + "> ";
        LineInput input = JLineInput.create(options.historyFile(), runner.ctl().commandNames(),
                () -> manager.allProcessInfo().stream().map(ProcessInfo::namespec).toList(),
                () -> manager.allProcessInfo().stream().map(info -> info.group() + ":*").distinct().toList(),
                out);
        if (input == null) {
            input = new PlainLineInput(out);
        }
        session.input(input);
        try {
            runner.run("status");
            while (true) {
                String line = input.readLine(prompt);
                if (line == null) {
                    // Ctrl-D is Python cmd's EOF command; Ctrl-C its KeyboardInterrupt: both print an empty line
                    out.println();
                    out.flush();
                    return;
                }
                runner.run(line);
                if (runner.ctl().endsShell(line)) {
                    return;
                }
            }
        } finally {
            if (input instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception ignored) {
                    // the terminal goes with the JVM anyway
                }
            }
        }
    }
}
