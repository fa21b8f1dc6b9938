package io.jsupervisor.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Pure text rules: shlex splitting, descriptions, ANSI stripping. */
class TextTest {
    @Test
    void shellWordsSplitLikeShlex() {
        assertEquals(List.of("a", "b c", "d", "e\"f", "g\\h", "", "x'y"),
                ShellWords.split("a 'b c' \"d\" \"e\\\"f\" 'g\\h' '' x\\'y"));
        assertEquals(List.of("/bin/sh", "-c", "echo $HOME; exit 1"),
                ShellWords.split("/bin/sh -c 'echo $HOME; exit 1'"));
        assertEquals(List.of("ab"), ShellWords.split("a\"b\""));
        assertThrows(IllegalArgumentException.class, () -> ShellWords.split("a 'b"));
    }

    @Test
    void uptimeIsPythonTimedelta() {
        assertEquals("0:00:05", Descriptions.timedelta(5));
        assertEquals("1:02:03", Descriptions.timedelta(3723));
        assertEquals("1 day, 0:00:01", Descriptions.timedelta(86401));
        assertEquals("3 days, 2:00:00", Descriptions.timedelta(3 * 86400 + 7200));
    }

    @Test
    void descriptionsPerState() {
        var utc = java.time.ZoneOffset.UTC;
        assertEquals("Not started", Descriptions.describe(io.jsupervisor.api.ProcessState.STOPPED, 0, 0, 0, 9, "", "x", utc));
        assertEquals("Nov 29 08:18 AM", Descriptions.describe(io.jsupervisor.api.ProcessState.EXITED, 0, 1,
                1795940280L, 9, "", "x", utc));
        assertEquals("unknown error (try \"tail x\")",
                Descriptions.describe(io.jsupervisor.api.ProcessState.FATAL, 0, 1, 2, 3, "", "x", utc));
        assertEquals("", Descriptions.describe(io.jsupervisor.api.ProcessState.STARTING, 5, 1, 2, 3, "", "x", utc));
    }

    @Test
    void ansiEscapesStripped() {
        assertArrayEquals("red plain".getBytes(), AnsiStripper.strip("\u001b[31mred\u001b[0m plain".getBytes()));
    }

    @Test
    void captureTokensCutBetweenReadsAreHeldBack() {
        byte[] token = "<!--XSUPERVISOR:BEGIN-->".getBytes();
        assertEquals(5, OutputPump.partialTokenTail("abc<!--X".getBytes(), token));
        assertEquals(0, OutputPump.partialTokenTail("abc".getBytes(), token));
    }
}
