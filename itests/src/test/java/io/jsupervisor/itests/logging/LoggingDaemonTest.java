package io.jsupervisor.itests.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The distribution with real children: log write failures, line time stamps and the stdout mirror. */
class LoggingDaemonTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String STAMP = "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} ";

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();
    private XmlRpc rpc;

    @AfterEach
    void stopDaemon() throws InterruptedException {
        for (Process p : started) {
            p.destroy(); // SIGTERM: the daemon stops its children
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private void startDaemon(String programs) throws IOException {
        int port = Distribution.freePort();
        Path conf = Distribution.writeConfig(dir, port, "", programs);
        started.add(new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", conf.toString())
                .directory(dir.toFile()).redirectOutput(dir.resolve("stdout").toFile())
                .redirectError(dir.resolve("stderr").toFile()).start());
        rpc = new XmlRpc(port);
        Poll.until(WAIT, "the daemon answering", () -> rpc.tryCall("supervisor.getState"));
    }

    private long runningPid(String name) {
        return Poll.until(WAIT, name + " RUNNING", () -> rpc.tryCall("supervisor.getProcessInfo",
                        XmlRpc.stringParam(name))
                .filter(a -> XmlRpc.member(a, "statename").orElse("").equals("RUNNING"))
                .flatMap(a -> XmlRpc.member(a, "pid")).map(Long::parseLong));
    }

    private String read(String name) {
        try {
            Path p = dir.resolve(name);
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private int progress(String name) {
        String text = read(name + ".progress").trim();
        return text.isEmpty() ? 0 : Integer.parseInt(text);
    }

    private void ticks(String name, int more) {
        int from = progress(name);
        Poll.until(WAIT, name + " writing " + more + " more lines", () -> progress(name) >= from + more);
    }

    /** A program printing "tick N" every 20 ms, with N also in NAME.progress. */
    private String ticker(String name, String logfile, String extra) {
        return """
                [program:%s]
                command = sh -c 'i=0; while :; do i=$((i+1)); echo tick $i; echo $i > %s/%s.progress; sleep 0.02; done'
                stdout_logfile = %s
                startsecs = 0
                %s
                """.formatted(name, dir, name, logfile, extra);
    }

    @Test
    void aFullDiskAndAMissingLogDirectoryGiveAMainLogErrorAndTheChildrenKeepRunning() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        startDaemon(ticker("full", "/dev/full", "") + ticker("gone", logs + "/gone.log", "autostart = false"));
        long fullPid = runningPid("full");
        Files.delete(logs.resolve("gone.log")); // created when the group was added
        Files.delete(logs);
        rpc.call("supervisor.startProcess", XmlRpc.stringParam("gone"));
        long gonePid = runningPid("gone");
        ticks("full", 20);
        ticks("gone", 20);

        String main = read("supervisord.log");
        assertTrue(main.contains("ERRO cannot write log file /dev/full: No space left on device"), main);
        assertTrue(main.contains("ERRO cannot write log file " + logs + "/gone.log: No such file or directory"),
                main);
        assertEquals(fullPid, runningPid("full"), "the same child keeps running");
        assertEquals(gonePid, runningPid("gone"));

        Files.createDirectory(logs);
        ticks("gone", 5);
        Poll.until(WAIT, "the recovery line", () -> read("supervisord.log")
                .contains("INFO log file " + logs + "/gone.log can be written again;"));
        String tail = rpc.call("supervisor.tailProcessStdoutLog", XmlRpc.stringParam("gone"),
                "<param><value><int>0</int></value></param>", "<param><value><int>1000</int></value></param>");
        assertTrue(tail.contains("tick "), "tail reads the output written since: " + tail);
        assertEquals(gonePid, runningPid("gone"));
        assertEquals(1, read("supervisord.log").lines().filter(l -> l.contains("/dev/full")).count(),
                "reported once, not once per line");
    }

    @Test
    void timestampsAndTheMirrorWorkOnARealChildsOutput() throws Exception {
        Path stampedLog = dir.resolve("stamped.log");
        startDaemon("""
                [program:stamped]
                command = sh -c 'printf "par"; sleep 0.3; printf "tial\\nsecond\\n"; exec sleep 987700'
                stdout_logfile = %s
                stdout_log_timestamps = true
                startsecs = 0

                [program:mirrored]
                command = sh -c 'printf "hel"; sleep 0.3; printf "lo\\n"; printf "oops\\n" >&2; exec sleep 987701'
                stdout_logfile = NONE
                stdout_mirror = true
                stderr_mirror = true
                startsecs = 0

                [program:plain]
                command = sh -c 'echo quiet; exec sleep 987702'
                stdout_logfile = %s/plain.log
                startsecs = 0
                """.formatted(stampedLog, dir));
        Poll.until(WAIT, "both stamped lines", () -> read("stamped.log").lines().count() == 2);
        List<String> lines = read("stamped.log").lines().toList();
        assertTrue(lines.get(0).matches(STAMP + "partial"), lines.toString());
        assertTrue(lines.get(1).matches(STAMP + "second"), lines.toString());

        Poll.until(WAIT, "the mirrored lines on the daemon's stdout",
                () -> read("stdout").contains("mirrored | hello\n") && read("stdout").contains("mirrored | oops\n"));
        Poll.until(WAIT, "plain's output in its file", () -> read("plain.log").equals("quiet\n"));
        String stdout = read("stdout");
        assertTrue(!stdout.contains("quiet") && !stdout.contains("partial"), "only mirrored programs: " + stdout);
        assertTrue(stdout.lines().noneMatch(l -> l.startsWith("mirrored | hel") && !l.equals("mirrored | hello")),
                "whole lines only: " + stdout);
    }
}
