package io.jsupervisor.itests.ctl;

import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One daemon of the side-by-side run (the reference or ours) in a directory of its own, and the real
 * {@code supervisorctl} run against it. Every answer comes back as a normalised transcript: what must differ
 * between two runs (temp dir, port, pids, uptimes, clock times) is replaced by a placeholder.
 */
final class CtlSide implements AutoCloseable {
    static final String SUPERVISORCTL = "/usr/bin/supervisorctl";
    private static final Duration CALL = Duration.ofSeconds(40);
    private static final Pattern STATE = Pattern.compile("<name>statename</name>\\s*<value>(?:<string>)?([A-Z]+)");

    final String label;
    final Path dir;
    final int port;
    private final List<String> daemonCommand;
    private final XmlRpc rpc;
    private Process daemon;

    CtlSide(String label, Path dir, int port, List<String> daemonCommand) {
        this.label = label;
        this.dir = dir;
        this.port = port;
        this.daemonCommand = daemonCommand;
        this.rpc = new XmlRpc(port);
    }

    Path conf() {
        return dir.resolve("supervisord.conf");
    }

    void writeConfig(String text) {
        try {
            Files.writeString(conf(), text.replace("@DIR@", dir.toString()).replace("@PORT@", Integer.toString(port)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void start() throws IOException {
        List<String> command = new ArrayList<>(daemonCommand);
        command.addAll(List.of("-n", "-c", conf().toString()));
        daemon = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(dir.resolve("daemon.stdout").toFile())
                .redirectError(dir.resolve("daemon.stderr").toFile()).start();
    }

    /** Waits until the daemon answers getState with RUNNING (after a start or a reload). */
    void awaitUp() {
        Poll.until(Duration.ofSeconds(90), label + " up", () -> rpc.tryCall("supervisor.getState")
                .filter(a -> a.contains("RUNNING")).isPresent());
    }

    void awaitState(String namespec, String state) {
        Poll.until(Duration.ofSeconds(30), label + " " + namespec + " " + state, () -> stateOf(namespec)
                .filter(state::equals).isPresent());
    }

    private Optional<String> stateOf(String namespec) {
        return rpc.tryCall("supervisor.getProcessInfo", XmlRpc.stringParam(namespec)).flatMap(a -> {
            Matcher m = STATE.matcher(a);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
    }

    /**
     * {@code maintail -<bytes>}; its output is compared with the side's own main log rather than with the
     * other side's (two daemons never log the same lines at the same moments). Tried a few times, as a line
     * logged between the call and the file read is no error.
     */
    String maintailMatchesMainLog(int bytes) {
        String out = "";
        for (int attempt = 0; attempt < 3; attempt++) {
            out = ctl("maintail", "-" + bytes);
            String expected = transcript(new String[] {"maintail", "-" + bytes}, lastBytes(bytes) + "\n[exit 0]\n");
            if (out.equals(expected)) {
                return "$ supervisorctl maintail -" + bytes + "\n(the last " + bytes + " bytes of its main log)\n";
            }
        }
        return out;
    }

    private String lastBytes(int count) {
        try {
            byte[] all = Files.readAllBytes(dir.resolve("supervisord.log"));
            int from = Math.max(0, all.length - count);
            return new String(all, from, all.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean awaitExit(Duration timeout) throws InterruptedException {
        return daemon.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code supervisorctl -c <conf> args…}, to its end: the command line, its output and its exit status. */
    String ctl(String... args) {
        try {
            Process p = ctlProcess(args);
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(CALL.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(label + ": supervisorctl " + String.join(" ", args) + " did not end");
            }
            return transcript(args, new String(out, StandardCharsets.UTF_8) + "[exit " + p.exitValue() + "]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** {@code python3 -c script args…}: its output and exit status. */
    String python(String script, String... args) {
        try {
            List<String> command = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(CALL.toMillis() * 3, TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(label + ": python did not end");
            }
            return new String(out, StandardCharsets.UTF_8) + "[exit " + p.exitValue() + "]\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * A command that never ends by itself ({@code tail -f}, {@code fg}): reads its output until every one of
     * {@code markers} has appeared, then kills it. Stdin stays open and empty. Lines are sorted when
     * {@code sortLines}, for output that two threads of the client write in any order.
     */
    String follow(List<String> markers, boolean sortLines, String... args) {
        try {
            Process p = ctlProcess(args);
            ByteArrayOutputStream seen = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(p.getInputStream(), seen), "ctl-output");
            reader.setDaemon(true);
            reader.start();
            try {
                Poll.until(CALL, label + ": " + markers + " from supervisorctl " + String.join(" ", args),
                        () -> markers.stream().allMatch(text(seen)::contains));
            } finally {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                reader.join(10_000);
            }
            String out = text(seen);
            if (sortLines) {
                out = String.join("\n", out.lines().sorted().toList()) + "\n";
            }
            return transcript(args, out + "[killed]\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String text(ByteArrayOutputStream seen) {
        synchronized (seen) {
            return seen.toString(StandardCharsets.UTF_8);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream to) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (to) {
                    to.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the client was killed: what it wrote before is all there is
        }
    }

    private Process ctlProcess(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(SUPERVISORCTL, "-c", conf().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        // fg's output thread writes without flushing: unbuffered, what it printed before the kill is seen
        builder.environment().put("PYTHONUNBUFFERED", "1");
        return builder.start();
    }

    private String transcript(String[] args, String output) {
        return normalise("$ supervisorctl " + String.join(" ", args) + "\n" + output);
    }

    /** Only what two runs of the same config cannot share. */
    String normalise(String text) {
        return text.replace(dir.toString(), "<DIR>")
                .replace(":" + port, ":<PORT>")
                .replaceAll("pid \\d+, uptime \\d+:\\d\\d:\\d\\d", "pid <PID>, uptime <UPTIME>")
                .replaceAll("(?m)^[1-9]\\d*$", "<PID>")
                .replaceAll("pid \\d+", "pid <PID>")
                .replaceAll("[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d [AP]M", "<TIME>")
                .replaceAll("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}", "<TS>");
    }

    @Override
    public void close() {
        if (daemon == null) {
            return;
        }
        List<ProcessHandle> family = new ArrayList<>(daemon.descendants().toList());
        daemon.destroy();
        try {
            if (!daemon.waitFor(20, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        family.forEach(ProcessHandle::destroyForcibly);
        deleteDir();
    }

    /** Best effort: the transcripts that matter are kept under target/side-by-side. */
    private void deleteDir() {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the OS's temp cleaning
        }
    }
}
