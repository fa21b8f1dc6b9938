package io.jsupervisor.logging.internal;

import static io.jsupervisor.logging.internal.Harness.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jsupervisor.api.LogFileSpec;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real file system trouble: a directory we may not write, and a file system that fills up. */
class FileSystemTroubleTest {
    @TempDir
    Path dir;

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static long count(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).count();
    }

    @Test
    void aDeniedAccessIsDescribedAsPermissionDeniedNotAsItsPath() {
        assertEquals("Permission denied", MainLog.describe(new AccessDeniedException("/var/log/x.log")));
    }

    @Test
    void anUnwritableDirectoryIsReportedOnceAndWritingResumesWhenItIsWritable() throws IOException {
        assumeFalse(root(), "root writes into any directory");
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("r-xr-xr-x"));
        Harness h = new Harness(dir);
        Path file = logs.resolve("a.log");
        try {
            h.write(spec(file, 0, 0), "lost\n");
            h.write(spec(file, 0, 0), "lost\n");
        } finally {
            Files.setPosixFilePermissions(logs, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        h.write(spec(file, 0, 0), "kept\n");
        String main = h.mainLogText();
        assertEquals(1, count(main, "ERRO cannot write log file " + file + ": Permission denied"), main);
        assertTrue(main.contains("log file " + file + " can be written again; 10 bytes of output were dropped"), main);
        assertEquals("kept\n", Files.readString(file));
    }

    @Test
    void aFullFileSystemIsReportedOnceAndWritingResumesAfterAClearFreesSpace() throws Exception {
        assumeTrue(root(), "mounting a small tmpfs needs root");
        Path mnt = Files.createDirectory(dir.resolve("tiny"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", mnt.toString())
                .redirectErrorStream(true).start();
        assumeTrue(mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0, "tmpfs cannot be mounted here");
        Harness h = new Harness(dir); // the main log stays outside the small file system
        try {
            LogFileSpec log = spec(mnt.resolve("a.log"), 0, 0);
            String chunk = "x".repeat(4095) + "\n";
            for (int i = 0; i < 40; i++) { // 160 KiB into 64 KiB
                h.write(log, chunk);
            }
            String main = h.mainLogText();
            assertEquals(1, count(main, "ERRO cannot write log file " + log.path() + ": No space left on device"),
                    main);
            h.service.clear(log); // removes the file: space again
            h.write(log, "after\n");
            assertEquals("after\n", Files.readString(log.path()));
            assertTrue(h.mainLogText().contains("INFO log file " + log.path() + " can be written again"),
                    h.mainLogText());
        } finally {
            h.service.deactivate(); // closes the file, or the file system is busy
            new ProcessBuilder("umount", mnt.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
