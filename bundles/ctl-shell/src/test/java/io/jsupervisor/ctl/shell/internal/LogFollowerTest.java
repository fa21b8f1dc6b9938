package io.jsupervisor.ctl.shell.internal;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.ctl.shell.LogFollow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tail -f in the Gogo shell: the reference's /logtail stream, read from a real file. */
class LogFollowerTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, UTF_8);

    @Test
    void followsTheLast1024BytesThenAppendsThenTruncation(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("foo.log");
        Files.writeString(log, "y".repeat(2000) + "END");
        Thread follower = new Thread(() -> new LogFollower(new FakeProcessManager()).follow(log, out));
        follower.start();
        try {
            awaitOutput(s -> s.endsWith("END"));
            assertEquals("y".repeat(1021) + "END", bytes.toString(UTF_8));
            Files.writeString(log, "more\n", StandardOpenOption.APPEND);
            awaitOutput(s -> s.endsWith("ENDmore\n"));
            Files.writeString(log, "new\n");
            awaitOutput(s -> s.endsWith("ENDmore\n==> File truncated <==\nnew\n"));
        } finally {
            follower.interrupt();
            follower.join(Duration.ofSeconds(5).toMillis());
        }
        assertFalse(follower.isAlive(), "an interrupt (Ctrl-C) ends the follow");
    }

    @Test
    void aProcessWithoutLogFileGivesTheHttp404Message() {
        new LogFollower(new FakeProcessManager()).follow(new LogFollow("foo", LogChannel.STDOUT), out);
        assertEquals("Cannot read, status code 404\n", bytes.toString(UTF_8));
    }

    private void awaitOutput(Predicate<String> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.test(bytes.toString(UTF_8))) {
            if (System.nanoTime() > deadline) {
                fail("output never matched; it is: " + bytes.toString(UTF_8));
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
