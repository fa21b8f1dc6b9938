package io.jsupervisor.config.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the installed reference (Supervisor 4.2.5 under /usr/bin/python3) on a config and returns its dump. */
final class ReferenceDump {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    private ReferenceDump() {
    }

    /** True when /usr/bin/python3 can import supervisor. */
    static boolean available() {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import supervisor.options")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The dump lines of {@code script config}, run in {@code cwd} with exactly {@code env}. */
    static List<String> run(Path script, Path config, Path cwd, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), script.toString(), config.toString())
                .directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path err = Files.createTempFile(cwd, "dump", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("reference dump failed: " + Files.readString(err));
        }
        return out.lines().toList();
    }
}
