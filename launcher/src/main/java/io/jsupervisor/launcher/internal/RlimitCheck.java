package io.jsupervisor.launcher.internal;

import io.jsupervisor.config.SupervisordSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The refusing half of the reference's {@code set_rlimits_or_exit}: when a soft limit is below {@code minfds} or
 * {@code minprocs} and the hard limit is too, the hard limit is raised to the minimum (only a privileged user can)
 * or start-up is refused with the reference's text, before daemonizing. Raising the soft limit and its main-log
 * line are the core's half. The NOFILE soft limit is judged as the user started us ({@code jsupervisor.rlimit.nofile},
 * set by bin/supervisord), because HotSpot raises its own.
 */
final class RlimitCheck {
    static final String PRLIMIT = "/usr/bin/prlimit";
    static final String NOFILE_PROPERTY = "jsupervisor.rlimit.nofile";
    private static final long UNLIMITED = -1;

    private static final String NOFILE_TEXT = "The minimum number of file descriptors required to run this process is "
            + "%1$d as per the \"minfds\" command-line argument or config file setting. The current environment will "
            + "only allow you to open %1$d file descriptors.  Either raise the number of usable file descriptors in "
            + "your environment (see README.rst) or lower the minfds setting in the config file to allow the process "
            + "to start.";
    // %(hard)s in the reference's text has already been set to the minimum when it is printed: so is ours
    private static final String NPROC_TEXT = "The minimum number of available processes required to run this program "
            + "is %1$d as per the \"minprocs\" command-line argument or config file setting. The current environment "
            + "will only allow you to open %1$d processes.  Either raise the number of usable processes in your "
            + "environment (see README.rst) or lower the minprocs setting in the config file to allow the program to "
            + "start.";

    /** Raises the hard limit of a resource of this process; false when not permitted. */
    interface HardRaiser {
        boolean raise(String resource, long hard);
    }

    private RlimitCheck() {
    }

    static void check(SupervisordSpec s) throws UsageException {
        Path limits = Path.of("/proc/self/limits");
        long[] nofile = read(limits, "Max open files");
        long[] nproc = read(limits, "Max processes");
        String original = System.getProperty(NOFILE_PROPERTY);
        if (nofile != null && original != null && !original.isBlank()) {
            try {
                nofile[0] = parse(original);
            } catch (NumberFormatException e) {
                // keep the current one
            }
        }
        check(s.minfds(), nofile, "nofile", NOFILE_TEXT, RlimitCheck::prlimitHard);
        check(s.minprocs(), nproc, "nproc", NPROC_TEXT, RlimitCheck::prlimitHard);
    }

    /** @param limit {soft, hard} ({@code -1}: unlimited), or {@code null} when unknown */
    static void check(long min, long[] limit, String resource, String text, HardRaiser raiser) throws UsageException {
        if (limit == null) {
            return;
        }
        long soft = limit[0];
        long hard = limit[1];
        if (soft != UNLIMITED && soft < min && hard != UNLIMITED && hard < min && !raiser.raise(resource, min)) {
            throw new UsageException(String.format(text, min));
        }
    }

    static boolean prlimitHard(String resource, long hard) {
        try {
            Process p = new ProcessBuilder(PRLIMIT, "--pid", Long.toString(ProcessHandle.current().pid()),
                    "--" + resource + "=:" + hard).redirectErrorStream(true).start();
            p.getOutputStream().close();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static long[] read(Path limits, String row) {
        try {
            for (String line : Files.readAllLines(limits, StandardCharsets.UTF_8)) {
                if (line.startsWith(row + " ")) {
                    String[] f = line.substring(row.length()).trim().split("\\s+");
                    return new long[] {parse(f[0]), parse(f[1])};
                }
            }
        } catch (IOException | RuntimeException e) {
            // no /proc: nothing to check
        }
        return null;
    }

    static long parse(String v) {
        return "unlimited".equals(v.trim()) ? UNLIMITED : Long.parseLong(v.trim());
    }
}
