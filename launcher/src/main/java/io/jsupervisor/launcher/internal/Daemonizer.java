package io.jsupervisor.launcher.internal;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The parent half of daemonizing. Java cannot fork, so the launcher runs itself again, detached: a new session
 * ({@code setsid}), the configured umask and directory, stdin/stdout/stderr on /dev/null. That JVM is the
 * daemon (its pid is the one in the pidfile). This side waits until the daemon reports through a status file
 * that it serves, or why it gave up, prints what it reported, and exits with its verdict.
 */
public final class Daemonizer {
    /** System property naming the status file; its presence makes a launcher the daemon half. */
    public static final String STATUS_PROPERTY = "jsupervisor.daemon.status";
    /** System property carrying the user's working directory (the daemon's may be {@code directory=}). */
    public static final String CWD_PROPERTY = "jsupervisor.daemon.cwd";
    private static final long START_TIMEOUT_MILLIS = 120_000;
    private static final File DEV_NULL = new File("/dev/null");

    private final PrintStream err;

    public Daemonizer(PrintStream err) {
        this.err = err;
    }

    /**
     * @param args      the user's arguments, passed on unchanged
     * @param cwd       the user's working directory
     * @param directory where the daemon runs ({@code directory=}/{@code -d}), or {@code null} for {@code cwd}
     * @param umask     the daemon's umask
     * @return the exit status for the user's command
     */
    public int detach(List<String> args, Path cwd, String directory, int umask)
            throws IOException, InterruptedException {
        Path status = Files.createTempFile("jsupervisor-start-", ".status");
        try {
            List<String> command = new ArrayList<>(List.of("setsid", "/bin/sh", "-c",
                    "umask " + Integer.toOctalString(umask) + "; exec \"$0\" \"$@\""));
            command.addAll(javaCommand());
            command.add("-D" + STATUS_PROPERTY + "=" + status);
            command.add("-D" + CWD_PROPERTY + "=" + cwd);
            command.add(io.jsupervisor.launcher.Main.class.getName());
            command.addAll(args);
            Process daemon = new ProcessBuilder(command)
                    .directory(directory == null ? cwd.toFile() : new File(directory))
                    .redirectInput(DEV_NULL).redirectOutput(DEV_NULL).redirectError(DEV_NULL)
                    .start();
            return awaitVerdict(daemon, status);
        } finally {
            Files.deleteIfExists(status);
        }
    }

    private int awaitVerdict(Process daemon, Path status) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline) {
            boolean exited = daemon.waitFor(50, TimeUnit.MILLISECONDS);
            DaemonStatus.Verdict verdict = DaemonStatus.read(status);
            if (verdict != null) {
                err.print(verdict.messages());
                err.flush();
                return verdict.exitStatus();
            }
            if (exited) {
                err.println("Error: supervisord (pid " + daemon.pid() + ") exited with status "
                        + daemon.exitValue() + " while starting; see its log file");
                return daemon.exitValue() == 0 ? 1 : daemon.exitValue();
            }
        }
        err.println("Error: supervisord (pid " + daemon.pid() + ") did not report ready within "
                + START_TIMEOUT_MILLIS / 1000 + " s; it is left running");
        return 1;
    }

    /** This JVM's command line up to (without) the main class: the java binary, its flags and class path. */
    static List<String> javaCommand() throws IOException {
        String[] cmdline = new String(Files.readAllBytes(Path.of("/proc/self/cmdline")), StandardCharsets.UTF_8)
                .split("\0");
        String main = io.jsupervisor.launcher.Main.class.getName();
        for (int i = 1; i < cmdline.length; i++) {
            String previous = cmdline[i - 1];
            boolean isClassPathValue = previous.equals("-cp") || previous.equals("-classpath")
                    || previous.equals("--class-path");
            if (cmdline[i].equals(main) && !isClassPathValue) {
                return Arrays.asList(cmdline).subList(0, i);
            }
        }
        throw new IOException("cannot find " + main + " in this JVM's command line; start it with -cp ... " + main);
    }
}
