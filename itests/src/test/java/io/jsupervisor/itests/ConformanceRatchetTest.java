package io.jsupervisor.itests;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The black-box conformance suite as a ratchet: every test named in {@code itests/conformance-passing.txt} must
 * keep passing against the distribution. Only the listed tests run by default (the whole suite takes long while
 * most tests fail); {@code -Dconformance.all=true} runs everything and prints what passes but is not listed yet.
 */
class ConformanceRatchetTest {
    private static final Pattern RESULT = Pattern.compile("^(PASS|FAIL|SKIP) (\\S+)");
    private static final long SECONDS_PER_TEST = 90;

    @Test
    void listedConformanceTestsStillPass() throws Exception {
        Path repo = Path.of(System.getProperty("jsupervisor.repo", "..")).toAbsolutePath().normalize();
        Path suite = repo.resolve("../shared/conformance/conformance.py").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(suite),
                "conformance suite not found at " + suite + ": ratchet skipped");
        List<String> listed = Files.readAllLines(repo.resolve("itests/conformance-passing.txt")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        boolean all = Boolean.getBoolean("conformance.all");
        Assumptions.assumeTrue(all || !listed.isEmpty(),
                "itests/conformance-passing.txt lists no test yet; run with -Dconformance.all=true to see what passes");

        List<String> bad = listed.stream().filter(name -> !name.matches("\\w+")).toList();
        assertTrue(bad.isEmpty(), "not test names: " + bad);
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        List<String> command = new ArrayList<>(List.of(python, suite.toString(), "--daemon",
                Distribution.supervisord() + " -n -c {conf}"));
        if (!all) {
            command.add("-k");
            command.add("^(" + String.join("|", listed) + ")$");
        }
        Path output = Files.createTempFile("conformance-", ".out");
        Process run = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long budget = SECONDS_PER_TEST * (all ? 200 : listed.size()) + 60;
        boolean finished = run.waitFor(budget, TimeUnit.SECONDS);
        if (!finished) {
            run.destroyForcibly();
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        System.out.println(text);
        assertTrue(finished, "conformance run did not finish within " + budget + " s");

        Map<String, String> results = parse(text);
        List<String> regressed = listed.stream().filter(name -> !"PASS".equals(results.get(name))).toList();
        if (all) {
            List<String> newlyPassing = results.entrySet().stream()
                    .filter(e -> e.getValue().equals("PASS") && !listed.contains(e.getKey()))
                    .map(Map.Entry::getKey).toList();
            System.out.println("passing but not listed in conformance-passing.txt: " + newlyPassing);
        }
        assertTrue(regressed.isEmpty(), "listed conformance tests that no longer pass: " + regressed);
    }

    private static Map<String, String> parse(String text) throws IOException {
        Map<String, String> results = new LinkedHashMap<>();
        for (String line : text.lines().toList()) {
            Matcher m = RESULT.matcher(line);
            if (m.find()) {
                results.put(m.group(2), m.group(1));
            }
        }
        return results;
    }
}
