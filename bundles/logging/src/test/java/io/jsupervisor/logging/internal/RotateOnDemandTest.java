package io.jsupervisor.logging.internal;

import static io.jsupervisor.logging.internal.Harness.spec;
import static io.jsupervisor.logging.internal.Harness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jsupervisor.api.LogFileSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotateOnDemandTest {
    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("a.log"))
                    .sorted().collect(Collectors.toList());
        }
    }

    @Test
    void rotateShiftsBackupsDropsTheOldestAndWritingGoesOnInAFreshFile() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("a.log");
        LogFileSpec spec = spec(file, 0, 2); // maxbytes 0: only rotation on demand ever rotates
        h.write(spec, "one\n");
        h.service.rotate(spec);
        h.write(spec, "two\n");
        h.service.rotate(spec);
        h.write(spec, "three\n");
        h.service.rotate(spec);
        h.write(spec, "four\n");
        assertEquals(List.of("a.log", "a.log.1", "a.log.2"), names());
        assertEquals("four\n", text(file));
        assertEquals("three\n", text(dir.resolve("a.log.1")));
        assertEquals("two\n", text(dir.resolve("a.log.2")));
    }

    @Test
    void withNoBackupsRotateTruncatesInPlaceAsTheReferenceRollover() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("a.log");
        LogFileSpec spec = spec(file, 1000, 0);
        h.write(spec, "old output\n");
        h.service.rotate(spec);
        assertEquals("", text(file));
        h.write(spec, "new\n");
        assertEquals(List.of("a.log"), names());
        assertEquals("new\n", text(file));
    }

    @Test
    void theSizeCountUsedForMaxbytesRestartsAfterARotateOnDemand() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("a.log");
        LogFileSpec spec = spec(file, 10, 3);
        h.write(spec, "123456789"); // 9 bytes: one short of the bound
        h.service.rotate(spec);
        h.write(spec, "abc"); // 3 bytes in the fresh file: no size rotation
        assertEquals("abc", text(file));
        assertEquals("123456789", text(dir.resolve("a.log.1")));
        assertEquals(List.of("a.log", "a.log.1"), names());
    }

    @Test
    void rotatingAMissingFileCreatesItAndKeepsTheExistingBackup() throws IOException {
        Harness h = new Harness(dir);
        Path file = dir.resolve("a.log");
        Files.writeString(dir.resolve("a.log.1"), "backup");
        h.service.rotate(spec(file, 0, 3));
        assertEquals("", text(file));
        assertEquals("backup", text(dir.resolve("a.log.1")));
    }

    @Test
    void rotateOfAFileInAMissingDirectoryFails() {
        Harness h = new Harness(dir);
        assertThrows(IOException.class, () -> h.service.rotate(spec(dir.resolve("nodir/a.log"), 0, 2)));
    }

    @Test
    void aDeviceIsNeverRenamed() {
        Harness h = new Harness(dir);
        assertThrows(IOException.class, () -> h.service.rotate(spec(Path.of("/dev/null"), 0, 2)));
        assertEquals(true, Files.exists(Path.of("/dev/null")));
    }

    @Test
    void theMainLogRotatesOnDemandAndKeepsLogging() throws IOException {
        Harness h = new Harness(dir);
        h.service.log(new io.jsupervisor.api.MainLogRecord(1, Harness.NOW, io.jsupervisor.config.LogLevel.INFO,
                "before"));
        h.service.rotate(spec(h.mainLog, 0, 1));
        h.service.log(new io.jsupervisor.api.MainLogRecord(2, Harness.NOW, io.jsupervisor.config.LogLevel.INFO,
                "after"));
        assertEquals("2026-11-24 10:11:12,345 INFO before\n", text(dir.resolve("supervisord.log.1")));
        assertEquals("2026-11-24 10:11:12,345 INFO after\n", h.mainLogText());
    }
}
