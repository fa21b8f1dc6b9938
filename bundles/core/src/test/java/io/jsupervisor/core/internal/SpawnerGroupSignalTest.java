package io.jsupervisor.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * The fallback for a group signal when no kill helper can be forked (at the process limit): every live member of
 * the process group is found in /proc and gets TERM from the JDK, and nothing outside the group.
 */
class SpawnerGroupSignalTest {
    @Test
    void everyMemberOfTheGroupIsFoundAndEndsOnTerm() throws Exception {
        Process leader = new ProcessBuilder(Spawner.SETSID, "/bin/sh", "-c",
                "/bin/sleep 98772 & exec /bin/sleep 98773").start();
        Process outsider = new ProcessBuilder("/bin/sleep", "98774").start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<ProcessHandle> members = Spawner.groupMembers(leader.pid());
            while (members.size() < 2 || !comm(leader.pid()).equals("sleep")) {
                assertTrue(System.nanoTime() < deadline, "the group formed: " + members);
                LockSupport.parkNanos(20_000_000L);
                members = Spawner.groupMembers(leader.pid());
            }
            assertEquals(2, members.size(), members.toString());
            assertTrue(members.stream().anyMatch(h -> h.pid() == leader.pid()));
            members.forEach(ProcessHandle::destroy);
            assertTrue(leader.waitFor(30, TimeUnit.SECONDS));
            while (!Spawner.groupMembers(leader.pid()).isEmpty()) { // the orphaned member too
                assertTrue(System.nanoTime() < deadline, "the group ended: " + Spawner.groupMembers(leader.pid()));
                LockSupport.parkNanos(20_000_000L);
            }
            assertTrue(outsider.isAlive(), "not in the group");
        } finally {
            Spawner.groupMembers(leader.pid()).forEach(ProcessHandle::destroyForcibly);
            leader.destroyForcibly();
            outsider.destroyForcibly();
        }
    }

    private static String comm(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
