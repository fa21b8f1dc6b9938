package io.jsupervisor.config.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the installed reference (Supervisor 4.2.5 under /usr/bin/python3) on many configs in one
 * interpreter and returns each config's dump.
 */
final class ReferenceDump {
    static final Path PYTHON = Path.of("/usr/bin/python3");

    final String hostName;
    final Map<String, List<String>> dumps;

    private ReferenceDump(String hostName, Map<String, List<String>> dumps) {
        this.hostName = hostName;
        this.dumps = dumps;
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

    /** Dumps every config, run in {@code cwd} with exactly {@code env}. */
    static ReferenceDump run(Path script, List<Path> configs, Path cwd, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
        configs.forEach(c -> command.add(c.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path err = Files.createTempFile("dump", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("reference dump failed: " + Files.readString(err));
        }
        Files.delete(err);
        List<String> lines = out.lines().toList();
        String host = PyJson.loadsString(lines.get(0).split("\t", 2)[1]);
        Map<String, List<String>> dumps = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : lines.subList(1, lines.size())) {
            if (line.startsWith("===\t")) {
                current = new ArrayList<>();
                dumps.put(line.substring(4), current);
            } else {
                current.add(line);
            }
        }
        return new ReferenceDump(host, dumps);
    }
}
