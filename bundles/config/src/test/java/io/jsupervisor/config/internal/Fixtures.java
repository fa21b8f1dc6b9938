package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jsupervisor.config.ConfigException;
import io.jsupervisor.config.LoadContext;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies fixture files from {@code src/test/resources/fixtures} into a temporary directory (which is also
 * the daemon's working directory) and loads them with a fixed environment, host name and user database.
 */
final class Fixtures {
    static final Map<String, String> ENV = Map.of("X", "ex", "HOME", "/root");
    static final String HOST = "testhost";

    final Path dir;
    private final Map<String, String> overrides;

    Fixtures(Path dir) {
        this(dir, Map.of());
    }

    private Fixtures(Path dir, Map<String, String> overrides) {
        this.dir = dir;
        this.overrides = overrides;
    }

    Fixtures withOverrides(Map<String, String> newOverrides) {
        return new Fixtures(dir, newOverrides);
    }

    /** The copied file's path (directories are copied whole). */
    Path path(String name) {
        Path target = dir.resolve(name);
        if (!Files.exists(target)) {
            copy(source(name), target);
        }
        return target;
    }

    SupervisorConfig load(String name) throws ConfigException {
        return reader().read(path(name));
    }

    String refusal(String name) {
        Path p = path(name);
        return assertThrows(ConfigException.class, () -> reader().read(p)).getMessage();
    }

    /** Writes {@code name}: {@code [supervisord]}, then {@code [program:web]} with a command and {@code lines}. */
    String writeWebProgram(String name, String lines) throws IOException {
        Files.writeString(dir.resolve(name), "[supervisord]\n[program:web]\ncommand=/bin/web\n" + lines);
        return name;
    }

    /** The refusal of {@code name} without the file tail, which is checked to be there. */
    String reason(String name) {
        String message = refusal(name);
        String tail = inFile(name);
        org.junit.jupiter.api.Assertions.assertEquals(tail, message.substring(message.length() - tail.length()),
                message);
        return message.substring(0, message.length() - tail.length());
    }

    /** The message tail our refusals add: {@code  (file: '/tmp/.../name')}. */
    String inFile(String name) {
        return " (file: '" + path(name) + "')";
    }

    SupervisorConfigReader reader() {
        return new SupervisorConfigReader(new LoadContext(ENV, HOST, dir, overrides), source("etc"));
    }

    static ProcessSpec process(SupervisorConfig c, String group) {
        return c.group(group).orElseThrow().processes().get(0);
    }

    private static Path source(String name) {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource("fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
