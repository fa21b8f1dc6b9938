package io.jsupervisor.core.internal;

import static io.jsupervisor.core.internal.Specs.proc;
import static io.jsupervisor.core.internal.Specs.program;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.ProcessState;
import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.SupervisordSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * minfds/minprocs as the reference's set_rlimits_or_exit, and the children's limits as the reference's children
 * have them (checked against supervisord 4.2.5 started under {@code prlimit --nofile=512:20000 --nproc=100:..}
 * with minfds=1024, minprocs=300: "Increased RLIMIT_NOFILE limit to 1024", "Increased RLIMIT_NPROC limit to 300",
 * and the child's /proc limits 1024:20000 and 300:hard; with 4096:20000 no NOFILE line and the child 4096:20000).
 */
class RlimitsTest {
    @TempDir
    Path dir;

    private SupervisorConfig config(int minfds, int minprocs) {
        SupervisordSpec s = Specs.supervisord(dir, LogLevel.INFO, Map.of());
        s = new SupervisordSpec(s.logfile(), s.logfileMaxbytes(), s.logfileBackups(), s.loglevel(), s.pidfile(),
                s.umask(), s.nodaemon(), s.silent(), minfds, minprocs, s.nocleanup(), s.childlogdir(), s.user(),
                s.directory(), s.stripAnsi(), s.environment(), s.identifier());
        return Specs.config(s, List.of(), dir, program(proc("s", "sleep 30").startsecs(0)));
    }

    private static Rlimits.Limit childLimit(Harness h, String row) {
        h.awaitState("s", ProcessState.RUNNING, 10);
        long pid = h.info("s").pid();
        // the exec helpers run first under the same pid: read the limits once the program itself runs
        h.await("sleep running as " + pid, Duration.ofSeconds(10), () -> readComm(pid).equals("sleep"));
        Rlimits.Limit l = Rlimits.read(Path.of("/proc/" + pid + "/limits"), row);
        assertNotNull(l);
        return l;
    }

    private static String readComm(long pid) {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    @Test
    void nofileSoftLimitBelowMinfdsIsRaisedToMinfdsForTheChildrenWithTheReferenceLine() {
        Rlimits.Limit own = Rlimits.own("Max open files");
        try (Harness h = new Harness(config(1024, 1), e -> e.setOriginalNofileSoft(512))) {
            assertEquals(new Rlimits.Limit(1024, own.hard()), childLimit(h, "Max open files"));
            assertEquals(1, h.count("Increased RLIMIT_NOFILE limit to 1024"));
            // before "supervisord started", as the reference's parse infos
            assertTrue(h.messages().indexOf("Increased RLIMIT_NOFILE limit to 1024")
                    < h.messages().indexOf("supervisord started with pid " + ProcessHandle.current().pid()));
            // a restart does not apply them again (the reference: first start only)
            h.pm.restart();
            h.await("restarted", Duration.ofSeconds(15),
                    () -> h.count("supervisord started with pid " + ProcessHandle.current().pid()) == 2);
            assertEquals(new Rlimits.Limit(1024, own.hard()), childLimit(h, "Max open files"));
            assertEquals(1, h.count("Increased RLIMIT_NOFILE limit to 1024"));
        }
    }

    @Test
    void nofileSoftLimitAtOrAboveMinfdsReachesTheChildrenUnchanged() {
        Rlimits.Limit own = Rlimits.own("Max open files");
        try (Harness h = new Harness(config(1024, 1), e -> e.setOriginalNofileSoft(4096))) {
            assertEquals(new Rlimits.Limit(4096, own.hard()), childLimit(h, "Max open files"));
            assertTrue(h.messages().stream().noneMatch(m -> m.startsWith("Increased")), h.messages()::toString);
        }
        // without an original limit (no launcher): the children inherit the daemon's own
        try (Harness h = new Harness(config(1024, 1))) {
            assertEquals(own, childLimit(h, "Max open files"));
        }
    }

    @Test
    void nofileHardLimitBelowMinfdsLeavesTheLimitAndLogsCrit() {
        Rlimits.Limit own = Rlimits.own("Max open files");
        int minfds = (int) own.hard() + 1;
        try (Harness h = new Harness(config(minfds, 1), e -> e.setOriginalNofileSoft(512))) {
            assertEquals(new Rlimits.Limit(512, own.hard()), childLimit(h, "Max open files"));
            h.awaitLog("could not raise RLIMIT_NOFILE to " + minfds + ": the hard limit is " + own.hard(), 5);
        }
    }

    @Test
    void nprocSoftLimitBelowMinprocsIsRaisedForTheDaemonAndItsChildren() {
        long pid = ProcessHandle.current().pid();
        Rlimits.Limit before = Rlimits.own("Max processes");
        assertEquals(null, Rlimits.setSoft(pid, "nproc", 150));
        try (Harness h = new Harness(config(1, 300))) {
            h.awaitLog("Increased RLIMIT_NPROC limit to 300", 5);
            assertEquals(new Rlimits.Limit(300, before.hard()), Rlimits.own("Max processes"));
            assertEquals(new Rlimits.Limit(300, before.hard()), childLimit(h, "Max processes"));
        } finally {
            assertEquals(null, Rlimits.setSoft(pid, "nproc", before.soft()));
        }
    }

    @Test
    void limitsTableParsesNumbersAndUnlimited() throws Exception {
        Path f = dir.resolve("limits");
        java.nio.file.Files.writeString(f, "Limit                     Soft Limit           Hard Limit           Units\n"
                + "Max processes             unlimited            unlimited            processes\n"
                + "Max open files            1024                 524288               files\n");
        assertEquals(new Rlimits.Limit(1024, 524288), Rlimits.read(f, "Max open files"));
        Rlimits.Limit u = Rlimits.read(f, "Max processes");
        assertEquals(new Rlimits.Limit(-1, -1), u);
        assertTrue(!u.below(1_000_000), "unlimited is never below a minimum");
        assertEquals("unlimited:unlimited", u.text());
    }
}
