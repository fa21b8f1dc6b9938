package io.jsupervisor.launcher.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The texts are the reference's, checked by running supervisord 4.2.5 as an unprivileged user under
 * {@code prlimit --nofile=100:200} (minfds=1024) and {@code --nproc=100:200} (minprocs=300): exit 2 and these lines.
 */
class RlimitCheckTest {
    private static final RlimitCheck.HardRaiser REFUSE = (resource, hard) -> false;

    @Test
    void hardLimitBelowMinfdsThatCannotBeRaisedRefusesWithTheReferenceText() {
        UsageException e = assertThrows(UsageException.class, () -> RlimitCheck.check(1024, new long[] {100, 200},
                "nofile", textOf("nofile"), REFUSE));
        assertEquals("The minimum number of file descriptors required to run this process is 1024 as per the "
                + "\"minfds\" command-line argument or config file setting. The current environment will only allow "
                + "you to open 1024 file descriptors.  Either raise the number of usable file descriptors in your "
                + "environment (see README.rst) or lower the minfds setting in the config file to allow the process "
                + "to start.", e.getMessage());
    }

    @Test
    void hardLimitBelowMinprocsThatCannotBeRaisedRefusesWithTheReferenceText() {
        UsageException e = assertThrows(UsageException.class, () -> RlimitCheck.check(300, new long[] {100, 200},
                "nproc", textOf("nproc"), REFUSE));
        assertEquals("The minimum number of available processes required to run this program is 300 as per the "
                + "\"minprocs\" command-line argument or config file setting. The current environment will only "
                + "allow you to open 300 processes.  Either raise the number of usable processes in your environment "
                + "(see README.rst) or lower the minprocs setting in the config file to allow the program to start.",
                e.getMessage());
    }

    @Test
    void hardLimitIsRaisedWhenPermittedAndOnlyWhenTheSoftLimitIsBelowTheMinimum() {
        List<String> raised = new ArrayList<>();
        RlimitCheck.HardRaiser allow = (resource, hard) -> raised.add(resource + "=" + hard);
        assertDoesNotThrow(() -> RlimitCheck.check(1024, new long[] {100, 200}, "nofile", "x", allow));
        assertEquals(List.of("nofile=1024"), raised);
        // soft below, hard enough: the core raises the soft limit; unlimited soft or hard: nothing to do
        assertDoesNotThrow(() -> RlimitCheck.check(1024, new long[] {100, 4096}, "nofile", "x", REFUSE));
        assertDoesNotThrow(() -> RlimitCheck.check(1024, new long[] {-1, 200}, "nofile", "x", REFUSE));
        assertDoesNotThrow(() -> RlimitCheck.check(1024, new long[] {100, -1}, "nofile", "x", REFUSE));
        assertDoesNotThrow(() -> RlimitCheck.check(1024, new long[] {2048, 200}, "nofile", "x", REFUSE));
        assertEquals(1, raised.size());
    }

    @Test
    void ownLimitsAreReadAndPrlimitCanSetTheCurrentHardLimit() {
        long[] nofile = RlimitCheck.read(java.nio.file.Path.of("/proc/self/limits"), "Max open files");
        assertTrue(nofile != null && nofile.length == 2);
        // setting the hard limit to what it is is always permitted: the real prlimit call works
        assertTrue(RlimitCheck.prlimitHard("nofile", nofile[1]));
    }

    private static String textOf(String resource) throws Exception {
        var f = RlimitCheck.class.getDeclaredField(resource.equals("nofile") ? "NOFILE_TEXT" : "NPROC_TEXT");
        f.setAccessible(true);
        return (String) f.get(null);
    }
}
