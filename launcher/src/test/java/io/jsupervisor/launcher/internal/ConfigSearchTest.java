package io.jsupervisor.launcher.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigSearchTest {
    @TempDir
    Path root;

    @Test
    void distributionEtcComesBeforeTheWorkingDirectory() throws Exception {
        Path here = Files.createDirectories(root.resolve("dist"));
        Path cwd = Files.createDirectories(root.resolve("cwd"));
        Files.createDirectories(here.resolve("etc"));
        Files.writeString(cwd.resolve("supervisord.conf"), "");
        assertEquals(Optional.of(cwd.resolve("supervisord.conf")), new ConfigSearch(here, cwd).find());
        Files.writeString(here.resolve("supervisord.conf"), "");
        assertEquals(Optional.of(here.resolve("supervisord.conf")), new ConfigSearch(here, cwd).find());
        Files.writeString(here.resolve("etc/supervisord.conf"), "");
        assertEquals(Optional.of(here.resolve("etc/supervisord.conf")), new ConfigSearch(here, cwd).find());
    }

    @Test
    void notFoundMessageListsTheSearchedPaths() {
        String message = new ConfigSearch(Path.of("/opt/js"), root).notFoundMessage();
        assertTrue(message.startsWith("No config file found at default paths (/opt/js/etc/supervisord.conf, "
                + "/opt/js/supervisord.conf, supervisord.conf, etc/supervisord.conf, /etc/supervisord.conf, "
                + "/etc/supervisor/supervisord.conf); use the -c option"), message);
    }
}
