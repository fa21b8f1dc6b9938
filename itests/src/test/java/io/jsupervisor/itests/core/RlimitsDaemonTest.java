package io.jsupervisor.itests.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * minfds through the real bin/supervisord: the script passes the NOFILE soft limit it was started with, so the
 * children get the reference's limit although HotSpot raised the daemon's own; an impossible minimum is refused
 * with the reference's text. Same observations as supervisord 4.2.5 under the same prlimit.
 */
class RlimitsDaemonTest {
    @TempDir
    Path dir;

    private static long[] ownNofile() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files ")) {
                String[] f = line.substring("Max open files".length()).trim().split("\\s+");
                return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])};
            }
        }
        throw new IOException("no NOFILE row");
    }

    private Path config(String extra) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, """
                [supervisord]
                logfile = %s/supervisord.log
                pidfile = %s/supervisord.pid
                childlogdir = %s
                minfds = 1024
                minprocs = 1
                %s
                [program:s]
                command = sleep 60
                startsecs = 0
                """.formatted(dir, dir, dir, extra));
        return conf;
    }

    private static Process run(List<String> command) throws IOException {
        return new ProcessBuilder(command).redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    }

    @Test
    void childrenGetTheNofileLimitTheReferenceGivesThemAndTheMainLogSaysIncreased() throws Exception {
        long hard = ownNofile()[1];
        Assumptions.assumeTrue(hard >= 1024, "the hard NOFILE limit allows minfds=1024");
        Path conf = config("");
        Process start = run(List.of("/usr/bin/prlimit", "--nofile=512:" + hard, "--",
                Distribution.supervisord().toString(), "-c", conf.toString()));
        start.getOutputStream().close();
        assertTrue(start.waitFor(120, TimeUnit.SECONDS), "the starting command returns once the daemon serves");
        String out = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, start.exitValue(), out);
        Path log = dir.resolve("supervisord.log");
        long daemon = Long.parseLong(Files.readString(dir.resolve("supervisord.pid")).trim());
        try {
            long child = Poll.until(Duration.ofSeconds(30), "the spawn line", () -> {
                try {
                    Matcher m = Pattern.compile("spawned: 's' with pid (\\d+)").matcher(Files.readString(log));
                    return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
                } catch (IOException e) {
                    return Optional.empty();
                }
            });
            Poll.until(Duration.ofSeconds(10), "sleep running", () -> comm(child).equals("sleep"));
            String limits = Files.readString(Path.of("/proc/" + child + "/limits"));
            assertTrue(limits.matches("(?s).*Max open files\\s+1024\\s+" + hard + "\\s+files.*"), limits);
            assertTrue(Files.readString(log).contains(" INFO Increased RLIMIT_NOFILE limit to 1024\n"));
        } finally {
            ProcessHandle.of(daemon).ifPresent(ProcessHandle::destroy);
            Poll.until(Duration.ofSeconds(30), "the daemon gone",
                    () -> ProcessHandle.of(daemon).map(p -> !p.isAlive()).orElse(true));
        }
    }

    @Test
    void aMinfdsAboveAHardLimitThatCannotBeRaisedIsRefusedWithTheReferenceText() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to become nobody");
        Path conf = config("");
        Process start = run(List.of("/usr/bin/prlimit", "--nofile=100:200", "--", "/usr/bin/setpriv",
                "--reuid=65534", "--regid=65534", "--clear-groups", Distribution.supervisord().toString(), "-c",
                conf.toString()));
        start.getOutputStream().close();
        assertTrue(start.waitFor(60, TimeUnit.SECONDS));
        String out = new String(start.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, start.exitValue(), out);
        assertEquals("Error: The minimum number of file descriptors required to run this process is 1024 as per the "
                + "\"minfds\" command-line argument or config file setting. The current environment will only allow "
                + "you to open 1024 file descriptors.  Either raise the number of usable file descriptors in your "
                + "environment (see README.rst) or lower the minfds setting in the config file to allow the process "
                + "to start.\nFor help, use " + Distribution.supervisord() + " -h\n", out);
        assertTrue(!Files.exists(dir.resolve("supervisord.pid")), "nothing started");
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
