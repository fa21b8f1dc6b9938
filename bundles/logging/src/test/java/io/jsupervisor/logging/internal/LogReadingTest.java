package io.jsupervisor.logging.internal;

import static io.jsupervisor.logging.internal.Harness.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.LogTail;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogReadingTest {
    @TempDir
    Path dir;
    private Harness h;
    private LogFileSpec digits;
    private LogFileSpec out;

    @BeforeEach
    void files() throws IOException {
        h = new Harness(dir);
        digits = spec(dir.resolve("digits.log"), 0, 0);
        Files.writeString(digits.path(), "0123456789");
        out = spec(dir.resolve("out.log"), 0, 0);
        Files.writeString(out.path(), "out\n");
    }

    private String read(LogFileSpec f, long offset, long length) throws IOException {
        return new String(h.service.read(f, offset, length), StandardCharsets.UTF_8);
    }

    private void assertTail(String data, long offset, boolean overflow, LogTail tail) {
        assertEquals(data, new String(tail.data(), StandardCharsets.UTF_8));
        assertEquals(offset, tail.offset());
        assertEquals(overflow, tail.overflow());
    }

    @Test
    void negativeOffsetReadsTheLastBytesOrTheWholeSmallerFile() throws IOException {
        assertEquals("789", read(digits, -3, 0));
        assertEquals("0123456789", read(digits, -100, 0));
    }

    @Test
    void zeroLengthReadsToTheEndAndALengthIsAnUpperBound() throws IOException {
        assertEquals("0123456789", read(digits, 0, 0));
        assertEquals("3456789", read(digits, 3, 0));
        assertEquals("234", read(digits, 2, 3));
        assertEquals("89", read(digits, 8, 100));
    }

    @Test
    void anOffsetAtOrPastTheEndReadsNothing() throws IOException {
        assertEquals("", read(digits, 10, 0));
        assertEquals("", read(digits, 50, 5));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> read(digits, -1, 5));
        assertThrows(IllegalArgumentException.class, () -> read(digits, 0, -1));
    }

    @Test
    void readingAMissingFileThrowsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> read(spec(dir.resolve("none.log"), 0, 0), 0, 0));
    }

    @Test
    void tailMatchesTheObservedReferenceAnswers() throws IOException {
        assertTail("t\n", 4, true, h.service.tail(out, 0, 2));
        assertTail("out\n", 4, false, h.service.tail(out, 0, 100));
        assertTail("", 4, false, h.service.tail(out, 4, 100));
        assertTail("", 4, false, h.service.tail(out, 100, 100));
    }

    @Test
    void tailEdgeCasesMatchTheReferencesArithmetic() throws IOException {
        // values printed by the reference's options.tailFile on the same 4-byte file
        assertTail("t\n", 4, true, h.service.tail(out, 1, 2));
        assertTail("", 4, true, h.service.tail(out, 0, 0));
        assertTail("\n", 4, false, h.service.tail(out, 3, 1));
        assertTail("\n", 4, true, h.service.tail(out, 2, 1));
        assertTail("ut\n", 4, true, h.service.tail(out, -10, 3));
    }

    @Test
    void tailOfAMissingFileIsEmptyAtZero() throws IOException {
        assertTail("", 0, false, h.service.tail(spec(dir.resolve("none.log"), 0, 0), 7, 100));
    }

    @Test
    void readsSeeEveryByteWrittenBefore() throws IOException {
        LogFileSpec f = spec(dir.resolve("w.log"), 0, 0);
        h.write(f, "abc");
        assertEquals("abc", read(f, 0, 0));
        h.write(f, "def");
        assertEquals("cdef", read(f, -4, 0));
        // the reference's quirk: when offset + length passes the end, the read starts at size - length
        assertTail("abcdef", 6, false, h.service.tail(f, 3, 100));
        assertTail("ef", 6, true, h.service.tail(f, 3, 2));
    }

    @Test
    void readsDuringRotatingWritesNeverSeeAHalfDoneWriteOrAMissingFile() throws Exception {
        LogFileSpec f = spec(dir.resolve("busy.log"), 100, 1);
        h.write(f, "0123456789");
        java.util.concurrent.atomic.AtomicReference<Throwable> problem = new java.util.concurrent.atomic.AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 3000; i++) {
                h.write(f, "0123456789");
            }
        });
        writer.start();
        while (writer.isAlive()) {
            try {
                byte[] all = h.service.read(f, 0, 0);
                if (all.length % 10 != 0 || all.length >= 100) {
                    problem.compareAndSet(null, new AssertionError("read " + all.length + " bytes"));
                }
            } catch (IOException e) {
                problem.compareAndSet(null, e);
            }
        }
        writer.join();
        if (problem.get() != null) {
            throw new AssertionError(problem.get());
        }
    }
}
