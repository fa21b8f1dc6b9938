package io.jsupervisor.itests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A program crashing in a loop, and a daemon out of file descriptors. */
class ResourceFaultsTest {
    @TempDir
    Path dir;

    @Test
    void aCrashLoopKeepsItsStateAndCountsRightAndLeavesOtherProgramsAndTheRpcAlone() throws Exception {
        try (Daemon daemon = new Daemon(dir, "", """
                [program:crasher]
                command = /bin/sh -c 'echo boom; exit 3'
                startsecs = 0
                autorestart = true

                [program:bystander]
                command = /bin/sleep 987661
                startsecs = 0
                """).start()) {
            daemon.awaitState("bystander", "RUNNING");
            long bystander = daemon.pidOf("bystander");
            // let it crash a few hundred times, answering all the while
            Poll.until(Daemon.WAIT, "200 restarts", () -> {
                try {
                    daemon.call("supervisor.getState");
                    return count(daemon.mainLog(), "exited: crasher \\(exit status 3; not expected\\)") >= 200;
                } catch (IOException | InterruptedException e) {
                    throw new AssertionError("the daemon stopped answering", e);
                }
            });
            String stop = daemon.call("supervisor.stopProcess", XmlRpc.stringParam("crasher"));
            assertTrue(stop.contains("<boolean>1</boolean>") || stop.contains("<int>70</int>"), stop);
            daemon.awaitState("crasher", "STOPPED");
            String log = daemon.mainLog();
            long spawned = count(log, "spawned: 'crasher' with pid \\d+");
            long exited = count(log, "exited: crasher \\(exit status 3; not expected\\)");
            assertTrue(spawned == exited || spawned == exited + 1, spawned + " spawned, " + exited + " exited");
            assertEquals(bystander, daemon.pidOf("bystander"), "the other program was not touched");
            assertEquals(1, count(log, "spawned: 'bystander'"));
            Poll.until(Daemon.WAIT, "no zombie", () -> {
                try {
                    return daemon.zombies().isEmpty();
                } catch (IOException e) {
                    return false;
                }
            });
        }
    }

    @Test
    void outOfFileDescriptorsSpawnsFailWithTheReasonAndSucceedOnceSomeAreFree() throws Exception {
        int programs = 120;
        StringBuilder config = new StringBuilder();
        for (int i = 0; i < programs; i++) {
            config.append("[program:f%03d]\ncommand = /bin/sleep 98767%d\nstartsecs = 0\nstartretries = 0\n\n"
                    .formatted(i, i));
        }
        Daemon daemon = new Daemon(dir, "", config.toString());
        // the daemon under a hard NOFILE limit of 300: less than 120 programs' 3 pipes each plus its own jars;
        // minfds low enough that the limit is not refused (or raised, as root) at start-up
        java.nio.file.Files.writeString(daemon.config, java.nio.file.Files.readString(daemon.config)
                .replace("[supervisord]\n", "[supervisord]\nminfds = 64\n"));
        Process p = new ProcessBuilder("prlimit", "--nofile=300:300", Distribution.supervisord().toString(), "-n",
                "-c", daemon.config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("daemon.out").toFile()).start();
        try {
            Poll.until(Daemon.WAIT, "every program RUNNING or FATAL", () -> daemon.rpc.tryCall(
                    "supervisor.getAllProcessInfo").filter(a -> count(a, "<string>(RUNNING|FATAL)</string>") == programs));
            String all = daemon.call("supervisor.getAllProcessInfo");
            long fatal = count(all, "<string>FATAL</string>");
            assertTrue(fatal > 0, "the limit was not reached: " + all.length());
            assertTrue(daemon.mainLog().contains("INFO spawnerr: too many open files to spawn 'f"),
                    "the reference's reason is in the main log");
            assertTrue(daemon.call("supervisor.getState").contains("RUNNING"), "still serving");

            daemon.call("supervisor.stopAllProcesses"); // descriptors come back
            String first = firstFatal(all).orElseThrow();
            String start = daemon.call("supervisor.startProcess", XmlRpc.stringParam(first));
            assertTrue(start.contains("<boolean>1</boolean>"), start);
            daemon.awaitState(first, "RUNNING");
        } finally {
            p.destroy();
            p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    private static Optional<String> firstFatal(String allProcessInfo) {
        for (String struct : allProcessInfo.split("</struct>")) {
            Matcher name = Pattern.compile("<name>name</name>\\s*<value>\\s*(?:<string>)?(f\\d+)").matcher(struct);
            if (struct.contains("<string>FATAL</string>") && name.find()) {
                return Optional.of(name.group(1));
            }
        }
        return Optional.empty();
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }
}
