package io.jsupervisor.ctl.client.internal;

import io.jsupervisor.config.ConfigException;
import io.jsupervisor.config.ConfigLocator;
import io.jsupervisor.config.CtlConfigLoader;
import io.jsupervisor.config.CtlSpec;
import io.jsupervisor.config.LoadContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * supervisorctl's settings: the command line beats {@code [supervisorctl]}, which beats the defaults. Without
 * {@code -c} the reference's six places are searched; no file at all is fine (defaults), a file without the
 * section is a usage error. {@code updateChangedOnly} is ours ({@code [supervisorctl] update_changed_only}).
 */
public record ClientOptions(boolean help, boolean interactive, List<String> arguments, String serverurl,
                            String username, String password, String prompt, String historyFile,
                            boolean updateChangedOnly) {
    static final String DEFAULT_URL = "http://localhost:9001";

    public static ClientOptions realize(String[] args, Path here, Path cwd) throws UsageError {
        CommandLine line = CommandLine.parse(args);
        if (line.help()) {
            return new ClientOptions(true, false, List.of(), DEFAULT_URL, null, null, "supervisor", null, false);
        }
        Map<String, String> cli = line.values();
        Optional<Path> file = cli.containsKey("configuration") ? Optional.of(Path.of(cli.get("configuration")))
                : ConfigLocator.locate(here, cwd);
        CtlSpec spec = null;
        if (file.isPresent()) {
            try {
                // supervisorctl expands only %(here)s and %(ENV_X)s: no host name lookup needed
                spec = CtlConfigLoader.load(file.get(), new LoadContext(System.getenv(), "localhost", cwd, Map.of()));
            } catch (ConfigException e) {
                throw new UsageError(e.getMessage());
            }
        }
        String serverurl = first(cli.get("serverurl"), spec == null ? null : spec.serverurl(), DEFAULT_URL);
        String username = first(cli.get("username"), spec == null ? null : spec.username(), null);
        String password = first(cli.get("password"), spec == null ? null : spec.password(), null);
        String prompt = spec == null || spec.prompt() == null ? "supervisor" : spec.prompt();
        // -r/--history_file fills an attribute the reference never reads; only the file's history_file works
        String history = spec == null ? null : spec.historyFile();
        boolean interactive = line.arguments().isEmpty();
        boolean changedOnly = spec != null && spec.updateChangedOnly(); // ours: the reference ignores the option
        return new ClientOptions(false, interactive, line.arguments(), serverurl, username, password, prompt, history,
                changedOnly);
    }

    private static String first(String a, String b, String fallback) {
        return a != null ? a : b != null ? b : fallback;
    }

    public ServerSettings settings() {
        return new ServerSettings(ServerAddress.parse(serverurl), username, password);
    }

    /** The reference's module docstring with its program name, plus the newline its usage() adds. */
    public static String usage(String progname) {
        return """
                supervisorctl -- control applications run by supervisord from the cmd line.

                Usage: %s [options] [action [arguments]]

                Options:
                -c/--configuration FILENAME -- configuration file path (searches if not given)
                -h/--help -- print usage message and exit
                -i/--interactive -- start an interactive shell after executing commands
                -s/--serverurl URL -- URL on which supervisord server is listening
                     (default "http://localhost:9001").
                -u/--username USERNAME -- username to use for authentication with server
                -p/--password PASSWORD -- password to use for authentication with server
                -r/--history-file -- keep a readline history (if readline is available)

                action [arguments] -- see below

                Actions are commands like "tail" or "stop".  If -i is specified or no action is
                specified on the command line, a "shell" interpreting actions typed
                interactively is started.  Use the action "help" to find out about available
                actions.

                """.formatted(progname);
    }
}
