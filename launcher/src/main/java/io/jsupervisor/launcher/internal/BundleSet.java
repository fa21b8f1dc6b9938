package io.jsupervisor.launcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The bundles of {@code bundle/}, in the order they are installed, each with its start level. Framework services
 * start first (level 1), ours next (2), FileInstall and the interactive shell last (3): hot-deployed plugins
 * and the prompt then only appear once the supervisor is up.
 */
public final class BundleSet {
    /** A bundle jar and how to start it. */
    public record Entry(Path jar, String symbolicName, int startLevel, boolean fragment) {
    }

    /** Install order inside level 1: APIs before their users, so resolution and DS activation settle at once. */
    private static final List<String> SERVICE_ORDER = List.of(
            "org.osgi.", "org.apache.felix.log", "org.apache.felix.configadmin", "org.apache.felix.eventadmin",
            "org.apache.felix.metatype", "org.apache.felix.scr", "org.objectweb.asm", "org.apache.aries.spifly",
            "slf4j.api", "slf4j.simple", "org.apache.felix.http.servlet-api", "org.apache.commons.commons-io",
            "org.apache.commons.fileupload", "org.apache.felix.http.jetty", "org.eclipse.jetty",
            "org.apache.felix.inventory", "org.owasp.encoder", "org.apache.felix.webconsole",
            "org.apache.felix.gogo.runtime", "org.apache.felix.gogo.command", "org.jline");
    private static final List<String> OURS_ORDER = List.of("io.jsupervisor.config", "io.jsupervisor.core");
    private static final String SHELL = "org.apache.felix.gogo.jline";
    private static final String FILEINSTALL = "org.apache.felix.fileinstall";

    private BundleSet() {
    }

    /**
     * @param withShell whether to include the interactive Gogo shell (only for {@code -n} on a terminal)
     */
    public static List<Entry> scan(Path bundleDir, boolean withShell) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<Path> jars;
        try (Stream<Path> files = Files.list(bundleDir)) {
            jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        for (Path jar : jars) {
            Manifest manifest;
            try (JarFile file = new JarFile(jar.toFile())) {
                manifest = file.getManifest();
            }
            Attributes main = manifest == null ? null : manifest.getMainAttributes();
            String bsn = main == null ? null : main.getValue("Bundle-SymbolicName");
            if (bsn == null) {
                continue; // not a bundle
            }
            bsn = bsn.split(";", 2)[0].trim();
            if (bsn.equals(SHELL) && !withShell) {
                continue;
            }
            entries.add(new Entry(jar, bsn, levelOf(bsn), main.getValue("Fragment-Host") != null));
        }
        entries.sort(Comparator.comparingInt(Entry::startLevel).thenComparingInt(BundleSet::rank)
                .thenComparing(Entry::symbolicName));
        return entries;
    }

    private static int levelOf(String bsn) {
        if (bsn.equals(SHELL) || bsn.equals(FILEINSTALL)) {
            return FrameworkProperties.LEVEL_LATE;
        }
        if (bsn.startsWith("io.jsupervisor.")) {
            return FrameworkProperties.LEVEL_JSUPERVISOR;
        }
        return FrameworkProperties.LEVEL_SERVICES;
    }

    private static int rank(Entry entry) {
        List<String> order = entry.startLevel() == FrameworkProperties.LEVEL_JSUPERVISOR ? OURS_ORDER : SERVICE_ORDER;
        for (int i = 0; i < order.size(); i++) {
            if (entry.symbolicName().startsWith(order.get(i))) {
                return i;
            }
        }
        return order.size();
    }
}
