package io.jsupervisor.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where the reference looks for {@code supervisord.conf} when {@code -c} is absent: {@code HERE} is the
 * parent of the directory holding the executable ({@code dirname(dirname(argv[0]))}), relative entries
 * are taken against the current directory, and the first that exists wins.
 */
public final class ConfigLocator {
    private ConfigLocator() {
    }

    /** The six candidates, in the reference's order. */
    public static List<Path> searchPaths(Path here, Path cwd) {
        return List.of(
                here.resolve("etc").resolve("supervisord.conf"),
                here.resolve("supervisord.conf"),
                cwd.resolve("supervisord.conf"),
                cwd.resolve("etc").resolve("supervisord.conf"),
                Path.of("/etc/supervisord.conf"),
                Path.of("/etc/supervisor/supervisord.conf"));
    }

    /** The first candidate that exists, or empty (the daemon then stops with a usage error). */
    public static Optional<Path> locate(Path here, Path cwd) {
        return searchPaths(here, cwd).stream().filter(Files::exists).findFirst();
    }

    /** The reference's usage message when nothing is found. */
    public static String notFoundMessage(Path here, Path cwd) {
        return "No config file found at default paths (" + String.join(", ",
                searchPaths(here, cwd).stream().map(Path::toString).toList())
                + "); use the -c option to specify a config file at a different path";
    }
}
