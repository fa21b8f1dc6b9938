package io.jsupervisor.core.internal;

import static io.jsupervisor.core.internal.Specs.proc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.config.AutoRestart;
import io.jsupervisor.config.GroupKind;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** memory_limit, cpu_limit and rlimit_* with real children. */
class ResourceLimitsTest {
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    /** A child whose resident memory is 150 MB (the bytes are written, so they are resident), then idles. */
    private static final String HOG = PYTHON + " -c 'x = b\"x\" * (150 << 20); import time; time.sleep(120)'";

    @TempDir
    Path dir;

    /** The spec with our extension options, as the config module would leave them. */
    private static ProcessSpec with(Specs.Proc proc, String... options) {
        ProcessSpec p = proc.build();
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i < options.length; i += 2) {
            o.put(options[i], options[i + 1]);
        }
        return new ProcessSpec(p.name(), p.programName(), p.groupName(), p.processNum(), p.command(), p.priority(),
                p.autostart(), p.startsecs(), p.startretries(), p.autorestart(), p.exitcodes(), p.stopsignal(),
                p.stopwaitsecs(), p.stopasgroup(), p.killasgroup(), p.user(), p.uid(), p.redirectStderr(), p.stdout(),
                p.stderr(), p.environment(), p.directory(), p.umask(), p.serverurl(), o);
    }

    private SupervisorConfig config(ProcessSpec... specs) {
        GroupSpec[] groups = new GroupSpec[specs.length];
        for (int i = 0; i < specs.length; i++) {
            groups[i] = new GroupSpec(specs[i].name(), 999, GroupKind.PROGRAM, List.of(specs[i]), null);
        }
        return Specs.config(Specs.supervisord(dir, LogLevel.INFO, Map.of()), List.of(), dir, groups);
    }

    private static Optional<String> line(Harness h, String prefix) {
        return h.messages().stream().filter(m -> m.startsWith(prefix)).findFirst();
    }

    @Test
    void aChildOverItsMemoryLimitIsRestartedWithAWarning() {
        ProcessSpec hog = with(proc("hog", HOG).startsecs(0), "memory_limit", "50MB");
        try (Harness h = new Harness(config(hog))) {
            h.awaitState("hog", ProcessState.RUNNING, 10);
            long first = h.info("hog").pid();
            h.await("a restart with a new pid", Duration.ofSeconds(20),
                    () -> h.info("hog").pid() != 0 && h.info("hog").pid() != first);
            String warn = line(h, "hog: memory_limit 50MB exceeded (resident ").orElseThrow();
            assertTrue(warn.endsWith("MB); restarting"), warn);
            double mb = Double.parseDouble(warn.replaceAll(".*resident ([0-9.]+)MB.*", "$1"));
            assertTrue(mb > 50 && mb < 400, warn);
            assertTrue(h.log.stream().anyMatch(r -> r.message().equals(warn) && r.level() == LogLevel.WARN));
            // stopped (not a crash followed by autorestart): the stop line of an expected TERM
            assertTrue(h.messages().contains("stopped: hog (terminated by SIGTERM)"), h.messages()::toString);
        }
    }

    @Test
    void aBusyChildOverItsCpuLimitIsStoppedWhenTheActionSaysStop() {
        ProcessSpec busy = with(proc("busy", Specs.sh("while :; do :; done")).startsecs(0),
                "cpu_limit", "5", "cpu_limit_window", "2", "healthcheck_action", "stop");
        try (Harness h = new Harness(config(busy))) {
            h.awaitState("busy", ProcessState.RUNNING, 10);
            h.awaitState("busy", ProcessState.STOPPED, 20);
            String warn = line(h, "busy: cpu_limit 5% exceeded (").orElseThrow();
            assertTrue(warn.matches("busy: cpu_limit 5% exceeded \\([0-9.]+% over 2 s\\); stopping"), warn);
            double percent = Double.parseDouble(warn.replaceAll(".*\\(([0-9.]+)%.*", "$1"));
            assertTrue(percent > 5 && percent < 250, warn);
        }
    }

    @Test
    void actionNoneOnlyWarnsOnceAndLeavesTheChildRunning() {
        ProcessSpec hog = with(proc("hog", HOG).startsecs(0), "memory_limit", "50MB", "healthcheck_action", "none");
        try (Harness h = new Harness(config(hog))) {
            h.awaitState("hog", ProcessState.RUNNING, 10);
            long pid = h.info("hog").pid();
            h.await("the warning", Duration.ofSeconds(20), () -> line(h, "hog: memory_limit 50MB exceeded").isPresent());
            long passes = h.engine.limits.passes();
            h.await("three more samples", Duration.ofSeconds(20), () -> h.engine.limits.passes() >= passes + 3);
            assertEquals(1, h.messages().stream().filter(m -> m.startsWith("hog: memory_limit")).count());
            assertTrue(line(h, "hog: memory_limit").orElseThrow().endsWith("; action none"));
            assertEquals(pid, h.info("hog").pid());
            assertEquals(ProcessState.RUNNING, h.info("hog").state());
        }
    }

    @Test
    void aChildUnderItsLimitsKeepsRunningAndProgramsWithoutLimitsStartNoSampler() {
        ProcessSpec calm = with(proc("calm", "sleep 60").startsecs(0), "memory_limit", "1GB", "cpu_limit", "90",
                "cpu_limit_window", "1");
        try (Harness h = new Harness(config(calm))) {
            h.awaitState("calm", ProcessState.RUNNING, 10);
            long pid = h.info("calm").pid();
            h.await("three samples", Duration.ofSeconds(20), () -> h.engine.limits.passes() >= 3);
            assertEquals(pid, h.info("calm").pid());
            assertTrue(h.messages().stream().noneMatch(m -> m.startsWith("calm: ")), h.messages()::toString);
        }
        try (Harness h = new Harness(config(with(proc("free", "sleep 60").startsecs(0))))) {
            h.awaitState("free", ProcessState.RUNNING, 10);
            assertFalse(h.engine.limits.sampling(), "no limit: no sampler thread");
            assertEquals(0, h.engine.limits.passes());
        }
    }

    private static String limitsOf(Harness h, String name) {
        h.await(name + " wrote its limits", Duration.ofSeconds(15),
                () -> h.output(name, LogChannel.STDOUT).contains("Max msgqueue size"));
        return h.output(name, LogChannel.STDOUT);
    }

    private static void assertRow(String limits, String row, String soft, String hard) {
        assertTrue(limits.lines().anyMatch(l -> l.matches(row + "\\s+" + soft + "\\s+" + hard + "(\\s.*)?")),
                row + " " + soft + " " + hard + " in\n" + limits);
    }

    @Test
    void rlimitsAreAppliedBeforeTheProgramRuns() {
        ProcessSpec cat = with(proc("cat", "cat /proc/self/limits").startsecs(0).autorestart(AutoRestart.FALSE),
                "rlimit_nofile", "1000:2000", "rlimit_nproc", "500", "rlimit_core", "unlimited", "rlimit_as", "2GB:unlimited");
        try (Harness h = new Harness(config(cat))) {
            String limits = limitsOf(h, "cat");
            assertRow(limits, "Max open files", "1000", "2000");
            assertRow(limits, "Max processes", "500", "500");
            assertRow(limits, "Max core file size", "unlimited", "unlimited");
            assertRow(limits, "Max address space", Long.toString(2L << 30), "unlimited");
            h.awaitState("cat", ProcessState.EXITED, 10);
        }
    }

    @Test
    void rlimitsApplyToAChildThatSwitchesUser() {
        assumeTrue(Spawner.ownUid() == 0, "needs root to switch users");
        ProcessSpec cat = with(proc("cat", Specs.sh("id -u; cat /proc/self/limits")).startsecs(0)
                .autorestart(AutoRestart.FALSE).uid(65534), "rlimit_nofile", "500:1000", "rlimit_nproc", "300");
        try (Harness h = new Harness(config(cat))) {
            String out = limitsOf(h, "cat");
            assertTrue(out.startsWith("65534\n"), out);
            assertRow(out, "Max open files", "500", "1000");
            assertRow(out, "Max processes", "300", "300");
            h.awaitState("cat", ProcessState.EXITED, 10);
        }
    }

    /** Whether this process may raise a hard limit (root with CAP_SYS_RESOURCE; containers often drop it). */
    private static boolean canRaiseHardLimits(long nofile) throws Exception {
        Process p = new ProcessBuilder(Rlimits.PRLIMIT, "--nofile=" + nofile + ":" + nofile, "--", "true")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    @Test
    void rlimitsAreSetBeforeTheUserSwitchSoAHardLimitCanBeRaised() throws Exception {
        assumeTrue(Spawner.ownUid() == 0, "needs root to switch users");
        Rlimits.Limit own = Rlimits.own("Max open files");
        assumeTrue(own != null && own.hard() != Rlimits.UNLIMITED && own.hard() < 1_000_000);
        long raised = own.hard() + 1000;
        assumeTrue(canRaiseHardLimits(raised), "no CAP_SYS_RESOURCE here");
        ProcessSpec cat = with(proc("cat", "cat /proc/self/limits").startsecs(0).autorestart(AutoRestart.FALSE)
                .uid(65534), "rlimit_nofile", Long.toString(raised));
        try (Harness h = new Harness(config(cat))) {
            String limits = limitsOf(h, "cat");
            assertRow(limits, "Max open files", Long.toString(raised), Long.toString(raised));
            h.awaitState("cat", ProcessState.EXITED, 10);
        }
    }

    @Test
    void aLimitThePlatformRefusesShowsInTheChildsStderrAndTheSpawnFails() throws Exception {
        Rlimits.Limit own = Rlimits.own("Max open files");
        assumeTrue(own != null && own.hard() != Rlimits.UNLIMITED && own.hard() < 1_000_000);
        long raised = own.hard() + 1000;
        assumeTrue(!canRaiseHardLimits(raised), "this process may raise hard limits");
        ProcessSpec cat = with(proc("cat", "cat /proc/self/limits").startsecs(1).startretries(0),
                "rlimit_nofile", Long.toString(raised));
        try (Harness h = new Harness(config(cat))) {
            h.awaitState("cat", ProcessState.FATAL, 15);
            String err = h.output("cat", LogChannel.STDERR);
            assertTrue(err.contains("prlimit: failed to set the NOFILE resource limit"), err);
        }
    }

    @Test
    void theProgramsOwnNofileWinsOverTheDaemonsAndTheOthersStayInherited() {
        ProcessSpec p = with(proc("p", "sleep 1"), "rlimit_nofile", "64", "rlimit_core", "1KB:2kb");
        assertEquals(List.of("--nofile=64:64", "--core=1024:2048"),
                ChildRlimits.prlimitOptions(p, new Rlimits.Limit(1024, 4096)));
        ProcessSpec plain = with(proc("q", "sleep 1"));
        assertEquals(List.of("--nofile=1024:4096"), ChildRlimits.prlimitOptions(plain, new Rlimits.Limit(1024, 4096)));
        assertEquals(List.of(), ChildRlimits.prlimitOptions(plain, null));
        assertFalse(ChildRlimits.configured(plain));
    }

    @Test
    void limitsAreReadFromTheOptionsWithTheHealthcheckActionDefaultingToRestart() {
        ResourceLimits l = ResourceLimits.of(with(proc("p", "x"), "memory_limit", "512mb", "cpu_limit", "12.5%"));
        assertEquals(512L << 20, l.memoryBytes());
        assertEquals(12.5, l.cpuPercent());
        assertEquals(10, l.windowSeconds());
        assertEquals(ResourceLimits.Action.RESTART, l.action());
        assertEquals(ResourceLimits.Action.STOP,
                ResourceLimits.of(with(proc("p", "x"), "cpu_limit", "50", "healthcheck_action", " Stop")).action());
        assertFalse(ResourceLimits.of(with(proc("p", "x"), "healthcheck_action", "stop")).any());
        assertEquals("301.5MB", ResourceLimits.bytes((long) (301.5 * (1 << 20))));
    }

    @Test
    void cpuAverageNeedsAWholeWindowAndRestartsWhenTheTreeLosesTime() {
        ResourceLimitMonitor.Watch w = new ResourceLimitMonitor.Watch();
        long s = 1_000_000_000L;
        assertEquals(null, ResourceLimitMonitor.cpuPercent(w, 0, 10.0, 2));
        assertEquals(null, ResourceLimitMonitor.cpuPercent(w, s, 10.5, 2));
        assertEquals(50.0, ResourceLimitMonitor.cpuPercent(w, 2 * s, 11.0, 2), 1e-9);
        assertEquals(100.0, ResourceLimitMonitor.cpuPercent(w, 3 * s, 12.5, 2), 1e-9); // (12.5 - 10.5) / 2 s
        assertEquals(null, ResourceLimitMonitor.cpuPercent(w, 4 * s, 1.0, 2), "a descendant left with its time");
        assertEquals(null, ResourceLimitMonitor.cpuPercent(w, 5 * s, 1.2, 2));
        assertEquals(10.0, ResourceLimitMonitor.cpuPercent(w, 6 * s, 1.2, 2), 1e-9); // (1.2 - 1.0) / 2 s
    }
}
