package io.jsupervisor.events.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real {@code python3} listener processes (src/test/resources/listener.py), playing the part of the
 * core's children: their stdin is a real pipe written by {@link #write}, and a pump thread per
 * process hands each stdout read to {@link Output}, as the core's output hub does.
 */
final class RealListeners implements AutoCloseable {
    interface Output {
        void write(String group, String process, byte[] data);
    }

    /** The system's python3 when there is one: a version manager's shim (pyenv) can take seconds to start. */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

    private final Path dir;
    private final Output output;
    private final Map<String, Process> processes = new ConcurrentHashMap<>();

    RealListeners(Path dir, Output output) {
        this.dir = dir;
        this.output = output;
    }

    /** Starts a listener; {@code mode} is one of listener.py's modes. Returns its namespec. */
    String start(String group, String process, String mode) throws IOException {
        String namespec = group.equals(process) ? process : group + ":" + process;
        ProcessBuilder builder = new ProcessBuilder(PYTHON, "-u", script().toString(), mode,
                record(namespec).toString());
        builder.redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve(namespec + ".err").toFile()));
        Process child = builder.start();
        processes.put(namespec, child);
        Thread pump = new Thread(() -> pump(group, process, child.getInputStream()), "stdout " + namespec);
        pump.setDaemon(true);
        pump.start();
        return namespec;
    }

    /** What {@code sendProcessStdin} does: write to the child's stdin pipe; false on EPIPE. */
    boolean write(String namespec, byte[] data) {
        Process child = processes.get(namespec);
        if (child == null) {
            return false;
        }
        try {
            OutputStream stdin = child.getOutputStream();
            stdin.write(data);
            stdin.flush();
            return true;
        } catch (IOException brokenPipe) {
            return false;
        }
    }

    /** The envelopes a listener received, one line each (see listener.py). */
    List<String> received(String namespec) {
        Path record = record(namespec);
        try {
            return Files.exists(record) ? Files.readAllLines(record, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process process(String namespec) {
        return processes.get(namespec);
    }

    @Override
    public void close() {
        processes.values().forEach(Process::destroyForcibly);
    }

    private Path record(String namespec) {
        return dir.resolve(namespec.replace(':', '_') + ".events");
    }

    private void pump(String group, String process, InputStream stdout) {
        byte[] buffer = new byte[8192];
        try (stdout) {
            for (int n; (n = stdout.read(buffer)) > 0; ) {
                output.write(group, process, Arrays.copyOf(buffer, n));
            }
        } catch (IOException closed) {
            // the child is gone
        }
    }

    private static Path script() {
        try {
            return Path.of(RealListeners.class.getResource("/listener.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
