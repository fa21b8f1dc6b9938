package io.jsupervisor.config.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jsupervisor.config.ConfigException;
import io.jsupervisor.config.ConfigLoader;
import io.jsupervisor.config.LoadContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real-world config of the corpus ({@code ../shared/corpus/supervisor-configs} beside the clone, see
 * SOURCES.md there; read in place, not copied, since most of those files state no licence) must read
 * exactly as the installed reference reads it: same settings line by line, or both
 * refuse with the same reason. Each file is read as-is and also as the only include of a minimal main
 * file, so drop-in files without {@code [supervisord]} get their programs compared too. Both sides get the
 * same environment, working directory and host name.
 */
class CorpusConformanceTest {
    private static final Map<String, String> EXTRA_ENV = Map.of(
            "API_PORT", "8000", "CELERY_MAIN_OPTIONS", "--concurrency 2", "CVAT_REDIS_HOST", "localhost",
            "FETCHMAIL_POLL", "300", "NUMPROCS", "2", "POSTGREY_AUTO_WHITELIST_CLIENTS", "5",
            "POSTGREY_DELAY", "300", "POSTGREY_MAX_AGE", "35", "POSTGREY_TEXT", "Delayed by postgrey",
            "SMOKESCREEN_OPTS", "");

    /**
     * Options that name users or directories of the machine the file was written for; commented out in
     * the relaxed variant (for both sides alike) so that the rest of the file gets compared.
     */
    private static final Pattern RELAXED = Pattern.compile(
            "(?m)^(\\s*[A-Za-z_]*(logfile|pidfile|childlogdir|directory|user|chown|socket_owner)\\s*[=:])");

    private static final int FUZZ_COUNT = 300;

    enum Variant { AS_IS, INCLUDED, RELAXED }

    @TempDir
    static Path work;
    private static ReferenceDump reference;

    @BeforeAll
    static void referenceIsInstalled() {
        assumeTrue(ReferenceDump.available(),
                "skipped: /usr/bin/python3 cannot import supervisor (the reference is not installed)");
    }

    static Stream<Arguments> corpus() throws IOException, URISyntaxException {
        Path dir = corpusDir();
        List<Arguments> out = new ArrayList<>();
        try (Stream<Path> files = dir == null ? Stream.empty() : Files.list(dir)) {
            for (Path f : files.filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList()) {
                out.add(Arguments.of(f.getFileName().toString(), f, Variant.AS_IS));
                out.add(Arguments.of(f.getFileName().toString() + " (included)", f, Variant.INCLUDED));
                out.add(Arguments.of(f.getFileName().toString() + " (relaxed)", f, Variant.RELAXED));
            }
        }
        // Our own rule fixtures too, so that what the unit tests pin is what the reference does.
        // syntax-bom.conf is left out: we accept the BOM on purpose, the reference refuses it.
        Path fixtures = resource("fixtures");
        try (Stream<Path> files = Files.list(fixtures)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".conf") && !p.endsWith("syntax-bom.conf"))
                    .sorted().toList()) {
                out.add(Arguments.of("fixture " + f.getFileName(), f, Variant.AS_IS));
            }
        }
        out.add(Arguments.of("fixture include-tree/main.conf", fixtures.resolve("include-tree/main.conf"),
                Variant.AS_IS));
        // Seeded random configs (syntax and value variations), made by the reference's interpreter.
        for (Path f : fuzzConfigs()) {
            out.add(Arguments.of("fuzz " + f.getFileName(), f, Variant.AS_IS));
        }
        // -Dcorpus.only=text runs only the cases whose label contains text
        String only = System.getProperty("corpus.only", "");
        return out.stream().filter(a -> ((String) a.get()[0]).contains(only));
    }

    /** The shared corpus beside the clone (the module runs in bundles/config), or null when absent. */
    private static Path corpusDir() {
        Path dir = Path.of(System.getProperty("corpus.dir", "../../../shared/corpus/supervisor-configs"))
                .toAbsolutePath().normalize();
        return Files.isDirectory(dir) ? dir : null;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CorpusConformanceTest.class.getClassLoader().getResource(name).toURI());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsAsTheReferenceDoes(String label, Path file, Variant variant) throws Exception {
        Path config = configFor(file, variant);
        List<String> expected = reference().dumps.get(config.toString());
        LoadContext context = new LoadContext(env(), reference().hostName, work, Map.of());
        List<String> actual;
        try {
            actual = ConfigLines.of(ConfigLoader.load(config, context));
        } catch (ConfigException e) {
            if (!expected.get(0).startsWith("ERROR")) {
                fail("the reference reads it, we refuse: " + e.getMessage());
            }
            String reason = referenceReason(PyJson.loadsString(expected.get(0).split("\t", 2)[1]));
            assertTrue(e.getMessage().contains(reason),
                    "both refuse, but for different reasons:\n ours: " + e.getMessage() + "\n reference: " + reason);
            return;
        }
        if (!expected.get(0).equals("OK")) {
            fail("the reference refuses (" + expected.get(0) + "), we read it");
        }
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    private static List<Path> fuzzConfigs() throws IOException, URISyntaxException {
        if (!ReferenceDump.available()) {
            return List.of();
        }
        Path dir = Path.of("target", "fuzz-configs").toAbsolutePath();
        try {
            Process p = new ProcessBuilder(ReferenceDump.PYTHON.toString(),
                    resource("reference/make_fuzz_configs.py").toString(), dir.toString(),
                    Integer.toString(FUZZ_COUNT), "20261124").inheritIO().start();
            if (!p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("make_fuzz_configs.py failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    /** The reference's dumps of every case, made once in one interpreter (its start-up is the slow part). */
    private static synchronized ReferenceDump reference() throws Exception {
        if (reference == null) {
            List<Path> configs = new ArrayList<>();
            for (Arguments a : corpus().toList()) {
                configs.add(configFor((Path) a.get()[1], (Variant) a.get()[2]));
            }
            reference = ReferenceDump.run(resource("reference/dump_config.py"), configs, work, env());
        }
        return reference;
    }

    /** The file to load for a case; the derived ones are written into the shared work directory. */
    private static Path configFor(Path file, Variant variant) throws IOException {
        String name = file.getParent().getFileName() + "-" + file.getFileName();
        Path source = file;
        if (variant == Variant.RELAXED) {
            source = work.resolve("relaxed-" + name);
            Files.writeString(source, RELAXED.matcher(Files.readString(file)).replaceAll(";$1"));
        }
        if (variant == Variant.AS_IS) {
            return file;
        }
        Path main = work.resolve(variant.name().toLowerCase(java.util.Locale.ROOT) + "-main-" + name);
        Files.writeString(main, "[supervisord]\n[include]\nfiles = " + source + "\n");
        return main;
    }

    private static Map<String, String> env() {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putAll(EXTRA_ENV);
        return env;
    }

    /** The reference's reason without the " in section 'x' (file: 'y')" it adds to program errors. */
    private static String referenceReason(String message) {
        return message.replaceFirst(" in section '[^']*' \\(file: '[^']*'\\)$", "");
    }
}
