package io.jsupervisor.launcher.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BundleSetTest {
    @TempDir
    Path dir;

    private void jar(String file, String bsn, String fragmentHost) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (bsn != null) {
            manifest.getMainAttributes().putValue("Bundle-SymbolicName", bsn);
        }
        if (fragmentHost != null) {
            manifest.getMainAttributes().putValue("Fragment-Host", fragmentHost);
        }
        try (OutputStream out = Files.newOutputStream(dir.resolve(file));
             JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.flush();
        }
    }

    @Test
    void servicesStartBeforeOursAndFileInstallAndShellLast() throws Exception {
        jar("a-core.jar", "io.jsupervisor.core", null);
        jar("b-config.jar", "io.jsupervisor.config", null);
        jar("c-scr.jar", "org.apache.felix.scr;singleton:=true", null);
        jar("d-api.jar", "org.osgi.service.component", null);
        jar("e-fileinstall.jar", "org.apache.felix.fileinstall", null);
        jar("f-shell.jar", "org.apache.felix.gogo.jline", null);
        jar("g-plain.jar", null, null);
        jar("h-frag.jar", "some.fragment", "org.apache.felix.scr");
        List<BundleSet.Entry> withShell = BundleSet.scan(dir, true);
        assertEquals(List.of("org.osgi.service.component", "org.apache.felix.scr", "some.fragment",
                        "io.jsupervisor.config", "io.jsupervisor.core", "org.apache.felix.fileinstall",
                        "org.apache.felix.gogo.jline"),
                withShell.stream().map(BundleSet.Entry::symbolicName).toList());
        assertEquals(List.of(1, 1, 1, 2, 2, 3, 3), withShell.stream().map(BundleSet.Entry::startLevel).toList());
        assertTrue(withShell.get(2).fragment());
        List<BundleSet.Entry> daemon = BundleSet.scan(dir, false);
        assertTrue(daemon.stream().noneMatch(e -> e.symbolicName().equals("org.apache.felix.gogo.jline")));
    }
}
