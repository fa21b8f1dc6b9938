package io.jsupervisor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search order without {@code -c} (spec 1.1). */
class ConfigLocatorTest {
    @TempDir
    Path here;
    @TempDir
    Path cwd;

    @Test
    void searchOrderIsTheReferences() {
        assertEquals(List.of(here.resolve("etc/supervisord.conf"), here.resolve("supervisord.conf"),
                cwd.resolve("supervisord.conf"), cwd.resolve("etc/supervisord.conf"), Path.of("/etc/supervisord.conf"),
                Path.of("/etc/supervisor/supervisord.conf")), ConfigLocator.searchPaths(here, cwd));
    }

    @Test
    void firstExistingCandidateWins() throws Exception {
        Files.createDirectories(cwd.resolve("etc"));
        Files.writeString(cwd.resolve("etc/supervisord.conf"), "");
        assertEquals(Optional.of(cwd.resolve("etc/supervisord.conf")), ConfigLocator.locate(here, cwd));
        Files.writeString(cwd.resolve("supervisord.conf"), "");
        assertEquals(Optional.of(cwd.resolve("supervisord.conf")), ConfigLocator.locate(here, cwd));
        Files.writeString(here.resolve("supervisord.conf"), "");
        assertEquals(Optional.of(here.resolve("supervisord.conf")), ConfigLocator.locate(here, cwd));
    }
}
