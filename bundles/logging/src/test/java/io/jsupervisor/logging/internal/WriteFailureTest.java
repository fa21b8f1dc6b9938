package io.jsupervisor.logging.internal;

import static io.jsupervisor.logging.internal.Harness.spec;
import static io.jsupervisor.logging.internal.Harness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.config.LogLevel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WriteFailureTest {
    @TempDir
    Path dir;

    private static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    @Test
    void aMissingDirectoryIsReportedOnceAndWritingResumesWhenItExists() throws IOException {
        Harness h = new Harness(dir);
        Path logs = dir.resolve("logs");
        Path file = logs.resolve("a.log");
        h.write(spec(file, 0, 0), "lost1");
        h.write(spec(file, 0, 0), "lost2");
        h.write(spec(file, 0, 0), "lost3");
        String main = h.mainLogText();
        assertEquals(1, count(main, "ERRO cannot write log file " + file + ": No such file or directory"), main);
        assertEquals(1, main.lines().count(), main);

        Files.createDirectory(logs);
        h.write(spec(file, 0, 0), "kept");
        assertEquals("kept", text(file));
        main = h.mainLogText();
        assertTrue(main.contains("INFO log file " + file + " can be written again; 15 bytes of output were dropped"),
                main);
    }

    @Test
    void aFullDiskIsReportedOnceAndTheSinkKeepsAccepting() throws IOException {
        Harness h = new Harness(dir);
        Path full = Path.of("/dev/full");
        for (int i = 0; i < 3; i++) {
            h.write(spec(full, 0, 0), "data");
        }
        Path ok = dir.resolve("ok.log");
        h.write(spec(ok, 0, 0), "fine");
        assertEquals("fine", text(ok));
        assertEquals(1, count(h.mainLogText(), "No space left on device"), h.mainLogText());
    }

    @Test
    void failureLinesRespectTheConfiguredLoglevel() throws IOException {
        Harness h = new Harness(dir, LogLevel.CRITICAL, List.of("false"));
        h.write(spec(dir.resolve("missing/a.log"), 0, 0), "x");
        assertEquals("", h.mainLogText());
    }

    @Test
    void aFailingMainLogIsReportedOnStderrOnce() {
        Path main = dir.resolve("nodir/supervisord.log");
        Harness h = new Harness(main, () -> new MainLogSettings(spec(main, 0, 0), false, LogLevel.INFO),
                List.of("false"));
        for (int i = 0; i < 3; i++) {
            h.service.log(new io.jsupervisor.api.MainLogRecord(i, Harness.NOW, LogLevel.INFO, "m" + i));
        }
        String err = h.stderr.toString();
        assertEquals(1, count(err, "cannot write log file " + main), err);
    }

    @Test
    void clearOfAFileInAMissingDirectoryFails() {
        Harness h = new Harness(dir);
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> h.service.clear(spec(dir.resolve("nodir/a.log"), 0, 0)));
    }
}
