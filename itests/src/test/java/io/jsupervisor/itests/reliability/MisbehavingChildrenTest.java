package io.jsupervisor.itests.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Children that break the rules, all under one daemon: one ignores SIGTERM, one closes its output, one floods its
 * pipe, one writes bytes that are not text, one writes a single 100 MB line. The daemon deals with each, keeps
 * answering, and leaves no zombie.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MisbehavingChildrenTest {
    private static final long HUGE_LINE = 100_000_000L;

    @TempDir
    static Path dir;

    private Daemon daemon;

    @BeforeAll
    void start() throws IOException {
        daemon = new Daemon(dir, "", """
                [program:deaf]
                command = /bin/sh -c 'trap "" TERM; while :; do sleep 1; done'
                stopwaitsecs = 1
                killasgroup = true
                startsecs = 0

                [program:mute]
                command = /bin/sh -c 'exec >&- 2>&-; exec sleep 987611'
                startsecs = 0

                [program:flood]
                command = /usr/bin/yes flood
                stdout_logfile = %1$s/flood.log
                stdout_logfile_maxbytes = 1MB
                stdout_logfile_backups = 1
                startsecs = 0

                [program:garbage]
                command = /usr/bin/printf '\\377\\376\\033[31mred\\000 <&> \\n'
                stdout_logfile = %1$s/garbage.log
                autorestart = false
                startsecs = 0

                [program:oneline]
                command = /bin/sh -c 'head -c %2$d /dev/zero | tr "\\000" a; exec sleep 987612'
                stdout_logfile = %1$s/oneline.log
                stdout_logfile_maxbytes = 0
                startsecs = 0
                """.formatted(dir, HUGE_LINE)).start();
    }

    @AfterAll
    void stop() throws InterruptedException {
        daemon.close();
    }

    private String state(String name) throws IOException, InterruptedException {
        return XmlRpc.member(daemon.call("supervisor.getProcessInfo", XmlRpc.stringParam(name)), "statename")
                .orElseThrow();
    }

    @Test
    void aChildIgnoringSigtermIsKilledAfterStopwaitsecsWithItsGroup() throws Exception {
        daemon.awaitState("deaf", "RUNNING");
        long pid = daemon.pidOf("deaf");
        // RUNNING at once (startsecs=0): wait until the shell has set its trap, or TERM would simply end it
        Poll.until(Daemon.WAIT, "deaf ignoring SIGTERM", () -> ignoresTerm(pid));
        String reply = daemon.call("supervisor.stopProcess", XmlRpc.stringParam("deaf"));
        assertTrue(reply.contains("<boolean>1</boolean>"), reply);
        assertEquals("STOPPED", state("deaf"));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the shell is gone");
        assertTrue(daemon.mainLog().contains("killing 'deaf' (" + pid + ") with SIGKILL"), daemon.mainLog());
        Poll.until(Daemon.WAIT, "nothing left in deaf's process group", () -> ProcessHandle.allProcesses()
                .noneMatch(h -> processGroup(h.pid()) == pid));
    }

    @Test
    void aChildThatClosesItsOutputKeepsRunningAndStopsNormally() throws Exception {
        daemon.awaitState("mute", "RUNNING");
        long pid = daemon.pidOf("mute");
        String reply = daemon.call("supervisor.stopProcess", XmlRpc.stringParam("mute"));
        assertTrue(reply.contains("<boolean>1</boolean>"), reply);
        assertEquals("STOPPED", state("mute"));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    @Test
    void aFloodingChildNeitherStopsTheDaemonAnsweringNorGrowsItsLogPastTheBound() throws Exception {
        Path log = dir.resolve("flood.log");
        Poll.until(Daemon.WAIT, "flood.log rotated once", () -> Files.exists(dir.resolve("flood.log.1")));
        for (int i = 0; i < 20; i++) {
            assertTrue(daemon.call("supervisor.getState").contains("RUNNING"));
        }
        // read while it rotates hundreds of times a second: flood.log is briefly absent between the rename and the
        // new file (as in the reference), so a missing file reads as -1 here
        long size = size(log);
        assertTrue(size <= 1024 * 1024 + 64 * 1024, "flood.log is " + size);
        long backup = size(dir.resolve("flood.log.1"));
        assertTrue(backup > 0 && backup <= 1024 * 1024 + 64 * 1024, "flood.log.1 is " + backup);
        assertFalse(Files.exists(dir.resolve("flood.log.2")), "backups = 1");
        assertEquals("RUNNING", state("flood"));
    }

    @Test
    void bytesThatAreNotTextAreLoggedAsIsAndTailStillAnswersWellFormedXml() throws Exception {
        byte[] expected = {(byte) 0xff, (byte) 0xfe, 0x1b, '[', '3', '1', 'm', 'r', 'e', 'd', 0, ' ', '<', '&', '>',
            ' ', '\n'};
        Path log = dir.resolve("garbage.log");
        Poll.until(Daemon.WAIT, "garbage.log written", () -> size(log) == expected.length);
        assertArrayEquals(expected, Files.readAllBytes(log));
        Process python = new ProcessBuilder("python3", "-c", "import xmlrpc.client\n"
                + "s = xmlrpc.client.ServerProxy('http://127.0.0.1:" + daemon.port + "/RPC2')\n"
                + "data, offset, overflow = s.supervisor.tailProcessStdoutLog('garbage', 0, 100)\n"
                + "print(offset, overflow, 'red' in data, '<&>' in data)").redirectErrorStream(true).start();
        String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(python.waitFor(30, TimeUnit.SECONDS));
        assertEquals("17 False True True", out);
    }

    @Test
    void aHundredMegabyteLineWithoutNewlineIsLoggedWholeWhileTheDaemonAnswers() throws Exception {
        Path log = dir.resolve("oneline.log");
        Poll.until(Daemon.WAIT, "the whole line in oneline.log", () -> {
            try {
                daemon.call("supervisor.getState"); // answering all along
            } catch (IOException | InterruptedException e) {
                throw new AssertionError("the daemon stopped answering", e);
            }
            return size(log) == HUGE_LINE;
        });
        long rss = rssKib(daemon.pid());
        assertTrue(rss < 600 * 1024, "the daemon buffered the line: VmRSS " + rss + " kB");
    }

    @Test
    void noZombieIsLeftBehind() throws Exception {
        daemon.awaitState("flood", "RUNNING");
        daemon.awaitState("garbage", "EXITED");
        Poll.until(Daemon.WAIT, "no zombie children", () -> {
            try {
                return daemon.zombies().isEmpty();
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }

    private static boolean ignoresTerm(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("SigIgn:"))
                    .anyMatch(l -> (Long.parseLong(l.substring(7).trim(), 16) & (1L << 14)) != 0); // bit 15-1: TERM
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static long processGroup(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[2]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long rssKib(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElseThrow();
    }
}
