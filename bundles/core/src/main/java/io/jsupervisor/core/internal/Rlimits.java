package io.jsupervisor.core.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The daemon's half of the reference's {@code set_rlimits_or_exit} ({@code minfds}, {@code minprocs}): a soft
 * limit below the minimum is raised to the minimum, with the reference's main-log line. The JVM cannot call
 * setrlimit, so {@code prlimit} (util-linux) does it on our pid. Refusing to start when the hard limit is too
 * low is the launcher's half (it happens before daemonizing, as in the reference).
 *
 * <p>HotSpot raises its own NOFILE soft limit to the hard limit at start (MaxFDLimit), so the daemon's soft
 * limit is not what the user started it with. {@code bin/supervisord} passes the original one; children get
 * the reference's value back through {@code prlimit --nofile=soft:hard} before their program runs.
 */
final class Rlimits {
    static final String PRLIMIT = "/usr/bin/prlimit";
    /** What /proc/self/limits and prlimit say for no limit. */
    static final long UNLIMITED = -1;

    /** Soft and hard limit; {@link #UNLIMITED} for none. */
    record Limit(long soft, long hard) {
        /** The reference's test: a soft limit below the minimum ("unlimited" never is). */
        boolean below(long min) {
            return soft != UNLIMITED && soft < min;
        }

        boolean hardAllows(long min) {
            return hard == UNLIMITED || hard >= min;
        }

        String text() {
            return value(soft) + ":" + value(hard);
        }
    }

    private Rlimits() {
    }

    static String value(long v) {
        return v == UNLIMITED ? "unlimited" : Long.toString(v);
    }

    static long parse(String v) {
        return "unlimited".equals(v) || "infinity".equals(v) ? UNLIMITED : Long.parseLong(v.trim());
    }

    /** A row of {@code /proc/<pid>/limits}: "Max open files", "Max processes"; {@code null} when unreadable. */
    static Limit read(Path limits, String row) {
        try {
            List<String> lines = Files.readAllLines(limits);
            for (String line : lines) {
                if (line.startsWith(row + " ")) {
                    String[] f = line.substring(row.length()).trim().split("\\s+");
                    return new Limit(parse(f[0]), parse(f[1]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing to apply
        }
        return null;
    }

    static Limit own(String row) {
        return read(Path.of("/proc/self/limits"), row);
    }

    /**
     * Sets a soft limit of a process ({@code resource}: nofile, nproc).
     *
     * @return {@code null}, or why it failed
     */
    static String setSoft(long pid, String resource, long soft) {
        if (!Files.isExecutable(Path.of(PRLIMIT))) {
            return PRLIMIT + " is missing";
        }
        try {
            Process p = new ProcessBuilder(PRLIMIT, "--pid", Long.toString(pid), "--" + resource + "=" + soft + ":")
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "prlimit timed out";
            }
            return p.exitValue() == 0 ? null : out.trim();
        } catch (IOException e) {
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }
}
