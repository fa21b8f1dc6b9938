package io.jsupervisor.launcher.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code supervisord} looks for its file when {@code -c} is not given (reference §1.1), first match wins.
 * HERE is the distribution directory (the reference uses the parent of its executable's directory).
 */
public final class ConfigSearch {
    private final List<Path> candidates;
    private final List<String> shown;

    public ConfigSearch(Path here, Path workingDirectory) {
        this.shown = List.of(here.resolve("etc/supervisord.conf").toString(), here.resolve("supervisord.conf").toString(),
                "supervisord.conf", "etc/supervisord.conf", "/etc/supervisord.conf", "/etc/supervisor/supervisord.conf");
        this.candidates = List.of(
                here.resolve("etc/supervisord.conf"),
                here.resolve("supervisord.conf"),
                workingDirectory.resolve("supervisord.conf"),
                workingDirectory.resolve("etc/supervisord.conf"),
                Path.of("/etc/supervisord.conf"),
                Path.of("/etc/supervisor/supervisord.conf"));
    }

    public List<Path> candidates() {
        return candidates;
    }

    public Optional<Path> find() {
        return candidates.stream().filter(Files::exists).findFirst().map(p -> p.toAbsolutePath().normalize());
    }

    /** The reference's usage message when nothing is found. */
    public String notFoundMessage() {
        return "No config file found at default paths (" + String.join(", ", shown) + "); use the -c option to specify a config file at a different path";
    }
}
