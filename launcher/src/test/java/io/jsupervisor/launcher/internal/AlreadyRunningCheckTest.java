package io.jsupervisor.launcher.internal;

import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.SupervisordSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlreadyRunningCheckTest {
    @TempDir
    Path dir;

    private SupervisorConfig config(Path pidfile, List<InetHttpServerSpec> servers) {
        SupervisordSpec spec = new SupervisordSpec(dir.resolve("s.log").toString(), 0, 0, LogLevel.INFO,
                pidfile.toString(), 022, true, false, 1024, 200, false, dir.toString(), null, null, false, Map.of(),
                "supervisor");
        return new SupervisorConfig(dir.resolve("s.conf"), spec, servers, List.of(), null, List.of(), List.of(),
                List.of());
    }

    @Test
    void takenPortIsRefusedWithTheReferenceMessage() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            SupervisorConfig config = config(dir.resolve("none.pid"),
                    List.of(new InetHttpServerSpec("inet_http_server", "127.0.0.1", taken.getLocalPort(), null, null)));
            UsageException e = assertThrows(UsageException.class, () -> new AlreadyRunningCheck(1).check(config));
            assertEquals(AlreadyRunningCheck.PORT_TAKEN, e.getMessage());
        }
    }

    @Test
    void freePortAndMissingPidfilePass() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            port = probe.getLocalPort();
        }
        SupervisorConfig config = config(dir.resolve("none.pid"),
                List.of(new InetHttpServerSpec("inet_http_server", "127.0.0.1", port, null, null)));
        assertDoesNotThrow(() -> new AlreadyRunningCheck(1).check(config));
    }

    @Test
    void pidfileOfALiveSupervisordIsRefusedButOtherLivePidsAreNot() throws Exception {
        Process fake = new ProcessBuilder("bash", "-c", "exec -a supervisord-fake sleep 60").start();
        Process other = new ProcessBuilder("sleep", "60").start();
        try {
            Path pidfile = dir.resolve("s.pid");
            Files.writeString(pidfile, fake.pid() + "\n");
            awaitCmdline(fake.pid(), "supervisord-fake");
            UsageException e = assertThrows(UsageException.class,
                    () -> new AlreadyRunningCheck(1).check(config(pidfile, List.of())));
            assertTrue(e.getMessage().contains("pid " + fake.pid()), e.getMessage());
            Files.writeString(pidfile, other.pid() + "\n");
            assertDoesNotThrow(() -> new AlreadyRunningCheck(1).check(config(pidfile, List.of())));
            Files.writeString(pidfile, fake.pid() + "\n");
            assertDoesNotThrow(() -> new AlreadyRunningCheck(fake.pid()).check(config(pidfile, List.of())),
                    "our own pid in the pidfile (a restart) is fine");
        } finally {
            fake.destroyForcibly();
            other.destroyForcibly();
        }
    }

    /** bash replaces itself with sleep; wait (bounded) until /proc shows the new command line. */
    private static void awaitCmdline(long pid, String expected) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        while (!Files.readString(cmdline).contains(expected)) {
            assertTrue(System.nanoTime() < deadline, "no exec within 5 s");
            Thread.onSpinWait();
        }
    }
}
