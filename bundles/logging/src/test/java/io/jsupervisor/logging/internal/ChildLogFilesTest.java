package io.jsupervisor.logging.internal;

import static io.jsupervisor.logging.internal.Harness.spec;
import static io.jsupervisor.logging.internal.Harness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.LogFileSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildLogFilesTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }

    @Test
    void writesRawBytesToThePathExactlyAsGiven() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("odd name-stdout---sup-x1.log");
        h.write(spec(file, 0, 0), "no prefix\n");
        h.write(spec(file, 0, 0), "partial");
        assertEquals("no prefix\npartial", text(file));
        assertEquals(List.of("odd name-stdout---sup-x1.log"), names());
    }

    @Test
    void rotatesAfterTheWriteThatReachesMaxbytesAndDropsTheOldestBackup() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("a.log");
        LogFileSpec spec = spec(file, 10, 2);
        h.write(spec, "12345");
        assertEquals(List.of("a.log"), names());
        h.write(spec, "67890");
        assertEquals("", text(file));
        assertEquals("1234567890", text(dir.resolve("a.log.1")));
        h.write(spec, "aaaaaaaaaa");
        h.write(spec, "bbbbbbbbbb");
        h.write(spec, "ccc");
        assertEquals(List.of("a.log", "a.log.1", "a.log.2"), names());
        assertEquals("ccc", text(file));
        assertEquals("bbbbbbbbbb", text(dir.resolve("a.log.1")));
        assertEquals("aaaaaaaaaa", text(dir.resolve("a.log.2")));
    }

    @Test
    void aFileCanExceedMaxbytesByOneWrite() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("a.log");
        h.write(spec(file, 10, 1), "1234");
        h.write(spec(file, 10, 1), "x".repeat(20));
        assertEquals(24, Files.size(dir.resolve("a.log.1")));
        assertEquals(0, Files.size(file));
    }

    @Test
    void maxbytesZeroNeverRotates() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("a.log");
        for (int i = 0; i < 50; i++) {
            h.write(spec(file, 0, 3), "0123456789");
        }
        assertEquals(500, Files.size(file));
        assertEquals(List.of("a.log"), names());
    }

    @Test
    void backupsZeroTruncatesInsteadOfKeepingABackup() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("a.log");
        h.write(spec(file, 10, 0), "123456789012");
        assertEquals("", text(file));
        h.write(spec(file, 10, 0), "x");
        assertEquals("x", text(file));
        assertEquals(List.of("a.log"), names());
    }

    @Test
    void existingContentCountsTowardsMaxbytesAsTheReferencesTellDoes() throws IOException {
        Path file = dir.resolve("a.log");
        Files.writeString(file, "12345678");
        Harness h = new Harness(dir);
        h.write(spec(file, 10, 1), "ab");
        assertEquals("12345678ab", text(dir.resolve("a.log.1")));
    }

    @Test
    void clearEmptiesTheFileAndKeepsBackupsLikeTheReferencesRemovelogs() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("a.log");
        h.write(spec(file, 5, 2), "12345");
        h.write(spec(file, 5, 2), "abc");
        h.service.clear(spec(file, 5, 2));
        assertEquals("", text(file));
        assertEquals("12345", text(dir.resolve("a.log.1")));
        h.write(spec(file, 5, 2), "after");
        assertEquals("after", text(dir.resolve("a.log.1")));
        assertEquals("12345", text(dir.resolve("a.log.2")));
    }

    @Test
    void clearCreatesAMissingFile() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("gone.log");
        h.service.clear(spec(file, 0, 0));
        assertTrue(Files.exists(file));
    }

    @Test
    void keepsWritingToTheOpenFileUntilReopenedAfterALogrotateRename() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("a.log");
        h.write(spec(file, 0, 0), "one ");
        Files.move(file, dir.resolve("a.log.old"));
        h.write(spec(file, 0, 0), "two ");
        assertFalse(Files.exists(file), "the writer must keep its file open, as the reference does");
        h.service.reopenAll();
        assertEquals("", text(file), "reopen creates the file at once");
        h.write(spec(file, 0, 0), "three");
        assertEquals("one two ", text(dir.resolve("a.log.old")));
        assertEquals("three", text(file));
    }

    @Test
    void createdMakesAnEmptyFile() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("auto-stdout---sup-abc.log");
        h.service.created(spec(file, 100, 1));
        assertEquals("", text(file));
        h.write(spec(file, 100, 1), "x");
        assertEquals("x", text(file));
    }

    @Test
    void manyChunksAreWrittenInOrderAcrossRotations() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("a.log");
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            String line = "line " + i + "\n";
            expected.append(line);
            h.write(spec(file, 5_000, 20), line);
        }
        StringBuilder all = new StringBuilder();
        for (int n = 20; n >= 1; n--) {
            Path backup = dir.resolve("a.log." + n);
            if (Files.exists(backup)) {
                all.append(text(backup));
            }
        }
        all.append(text(file));
        assertEquals(expected.toString(), all.toString());
        assertTrue(Files.exists(dir.resolve("a.log.3")));
    }

    @Test
    void noBytesAreLostOrDuplicatedAcrossAStopAndStart() throws IOException {
        Path file = dir.resolve("a.log");
        Harness first = new Harness(dir);
        first.write(spec(file, 0, 0), "before ");
        first.service.deactivate();
        Harness second = new Harness(dir);
        second.write(spec(file, 0, 0), "after");
        assertEquals("before after", text(file));
    }

    @Test
    void aWriteArrivingAfterDeactivationIsStillWritten() throws IOException {
        Path file = dir.resolve("a.log");
        Harness h = new Harness(dir);
        h.service.deactivate();
        h.write(spec(file, 0, 0), "late");
        assertEquals("late", text(file));
    }

    @Test
    void aDeviceSuchAsDevNullIsWrittenWithoutComplaint() throws IOException {
        Harness h = new Harness(dir);
        h.write(spec(Path.of("/dev/null"), 0, 0), "discarded");
        h.write(spec(Path.of("/dev/null"), 0, 0), "discarded");
        assertEquals("", h.mainLogText());
        h.service.deactivate();
    }

    @Test
    void filesIdleForFiveMinutesAreClosedAndReopenedByTheNextWrite() throws IOException {
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        LogFiles files = new LogFiles(new WriteTrouble() {
            @Override
            public void failed(Path file, IOException cause) {
                throw new AssertionError(cause);
            }

            @Override
            public void recovered(Path file, long droppedBytes) {
            }
        }, nanos::get);
        Path idle = dir.resolve("idle.log");
        Path busy = dir.resolve("busy.log");
        files.write(spec(idle, 0, 0), "one".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        nanos.addAndGet(LogFiles.IDLE_NANOS + 1);
        files.write(spec(busy, 0, 0), "x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.move(idle, dir.resolve("idle.log.old"));
        files.write(spec(idle, 0, 0), "two".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("two", text(idle), "the idle file was closed, so the write reopened the path");
        Files.move(busy, dir.resolve("busy.log.old"));
        files.write(spec(busy, 0, 0), "y".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals("xy", text(dir.resolve("busy.log.old")), "a recently used file stays open");
    }
}
