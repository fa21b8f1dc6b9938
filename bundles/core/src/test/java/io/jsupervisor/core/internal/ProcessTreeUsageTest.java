package io.jsupervisor.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.ResourceUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The /proc pass: stat lines with awkward command names, trees summed over descendants only. */
class ProcessTreeUsageTest {
    @TempDir
    Path proc;

    private void stat(int pid, int ppid, String comm, long utime, long stime, long cutime, long cstime, long rss)
            throws IOException {
        Files.createDirectories(proc.resolve(Integer.toString(pid)));
        // fields 3.. : state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        // priority nice threads itrealvalue starttime vsize rss ...
        String line = pid + " (" + comm + ") S " + ppid + " 1 1 0 -1 4194560 10 0 0 0 " + utime + " " + stime + " "
                + cutime + " " + cstime + " 20 0 1 0 100 1000000 " + rss + " 18446744073709551615 0 0 0 0 0\n";
        Files.writeString(proc.resolve(pid + "/stat"), line);
    }

    @Test
    void aTreeSumsItselfAndItsDescendantsIncludingReapedChildren() throws Exception {
        stat(1, 0, "init", 1000, 1000, 0, 0, 10);
        stat(100, 1, "sh -c (x) )", 10, 20, 30, 40, 5);
        stat(101, 100, "worker", 100, 0, 0, 0, 7);
        stat(102, 101, "grand) child", 0, 100, 0, 0, 3);
        stat(200, 1, "other", 5, 5, 0, 0, 100);
        Files.createDirectories(proc.resolve("self"));
        ProcessTreeUsage t = ProcessTreeUsage.read(proc, 4096);
        assertEquals(5, t.size());
        assertEquals(100, t.get(101).ppid());
        ResourceUsage u = t.tree(100);
        assertEquals(3, u.processes());
        assertEquals((5 + 7 + 3) * 4096L, u.residentBytes());
        assertEquals((10 + 20 + 30 + 40 + 100 + 100) / 100.0, u.cpuSeconds(), 1e-9);
        assertEquals(ResourceUsage.NONE, t.tree(0));
        assertEquals(ResourceUsage.NONE, t.tree(999));
        // the process alone: its own pages, its ticks with its reaped children's
        assertEquals(new ResourceUsage(5 * 4096L, (10 + 20 + 30 + 40) / 100.0, 1), t.process(100).orElseThrow());
        assertTrue(t.process(999).isEmpty());
    }

    @Test
    void theRealProcHasThisJvm() {
        Path real = Path.of("/proc");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(real.resolve("self")));
        ResourceUsage self = new ProcMeter(real).snapshot().tree(ProcessHandle.current().pid());
        assertTrue(self.residentBytes() > 10_000_000, "a JVM uses more than 10 MB: " + self.residentBytes());
        assertTrue(ProcessTreeUsage.pageSize(real) >= 4096);
    }
}
