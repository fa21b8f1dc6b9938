package io.jsupervisor.itests.reliability;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The distribution's daemon in the foreground on a config of the test's, with the answers tests need. */
final class Daemon implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(90);

    final Path dir;
    final int port;
    final Path config;
    final XmlRpc rpc;
    private Process process;

    /** Writes the config ({@code programs} after the common sections) without starting anything. */
    Daemon(Path dir, String serverExtra, String programs) throws IOException {
        this.dir = dir;
        this.port = Distribution.freePort();
        // supervisorctl -c needs a [supervisorctl] section; by default it talks to the inet server
        String ctl = programs.contains("[supervisorctl]") ? ""
                : "[supervisorctl]\nserverurl = http://127.0.0.1:" + port + "\n\n";
        this.config = Distribution.writeConfig(dir, port, serverExtra, ctl + programs);
        this.rpc = new XmlRpc(port);
    }

    Daemon start() throws IOException {
        return start(List.of());
    }

    /** Starts with {@code launcher} before the command (e.g. setpriv to another user) and waits for RUNNING. */
    Daemon start(List<String> launcher) throws IOException {
        startListening(launcher);
        Poll.until(WAIT, "the daemon answering", () -> rpc.tryCall("supervisor.getState")
                .filter(a -> a.contains("RUNNING")));
        return this;
    }

    /** Starts and waits until the HTTP port answers anything (for servers that need credentials). */
    Daemon startListening() throws IOException {
        return startListening(List.of());
    }

    private Daemon startListening(List<String> launcher) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(Distribution.supervisord().toString(), "-n", "-c", config.toString()));
        process = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
        Poll.until(WAIT, "the HTTP port", () -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;
            }
        });
        return this;
    }

    long pid() {
        return process.pid();
    }

    Process process() {
        return process;
    }

    /** Waits until {@code count} processes are RUNNING. */
    void awaitRunning(int count) {
        Poll.until(WAIT, count + " processes RUNNING", () -> rpc.tryCall("supervisor.getAllProcessInfo")
                .filter(a -> a.split("<string>RUNNING</string>", -1).length - 1 == count));
    }

    /** Waits until process {@code name} is in {@code state}. */
    void awaitState(String name, String state) {
        Poll.until(WAIT, name + " " + state, () -> rpc.tryCall("supervisor.getProcessInfo", XmlRpc.stringParam(name))
                .filter(a -> XmlRpc.member(a, "statename").orElse("").equals(state)));
    }

    String call(String method, String... params) throws IOException, InterruptedException {
        return rpc.call(method, params);
    }

    /** The {@code pid} member of every process, in the order of getAllProcessInfo. */
    List<Long> pids() throws IOException, InterruptedException {
        List<Long> pids = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<name>pid</name>\\s*<value><int>(\\d+)</int>")
                .matcher(call("supervisor.getAllProcessInfo"));
        while (m.find()) {
            pids.add(Long.parseLong(m.group(1)));
        }
        return pids;
    }

    long pidOf(String name) throws IOException, InterruptedException {
        return Long.parseLong(XmlRpc.member(call("supervisor.getProcessInfo", XmlRpc.stringParam(name)), "pid")
                .orElseThrow());
    }

    String mainLog() throws IOException {
        return Files.readString(dir.resolve("supervisord.log"));
    }

    /** Children of the daemon in state Z (zombies), from /proc. */
    List<Long> zombies() throws IOException {
        List<Long> found = new ArrayList<>();
        try (var entries = Files.list(Path.of("/proc"))) {
            for (Path p : entries.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                Optional<String> stat = read(p.resolve("stat"));
                if (stat.isEmpty()) {
                    continue;
                }
                String[] fields = stat.get().substring(stat.get().lastIndexOf(')') + 2).split(" ");
                if (fields[0].equals("Z") && Long.parseLong(fields[1]) == process.pid()) {
                    found.add(Long.parseLong(p.getFileName().toString()));
                }
            }
        }
        return found;
    }

    private static Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty(); // gone meanwhile
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
