package io.jsupervisor.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The reference's spawnerr texts from what the JDK throws (messages as JDK 17 and JDK 25 give them under
 * {@code prlimit --nproc} and {@code --nofile}).
 */
class SpawnFailuresTest {
    @Test
    void aForkAtTheProcessLimitGivesTheReferencesProcessTableText() {
        String expected = "Too many processes in process table to spawn 'web'";
        assertEquals(expected, SpawnFailures.describe("web", new IOException(
                "Cannot run program \"/usr/bin/setpriv\": error=11, Resource temporarily unavailable")));
        assertEquals(expected, SpawnFailures.describe("web", new IOException(
                "Cannot run program \"/usr/bin/setpriv\": posix_spawn failed, error: 11 (Resource temporarily "
                        + "unavailable) \nPossible reasons:\n  - Spawn helper ran into JDK version mismatch")));
    }

    @Test
    void aThreadTheJvmCannotCreateCountsAsTheProcessLimit() {
        OutOfMemoryError threads = new OutOfMemoryError(
                "unable to create native thread: possibly out of memory or process/resource limits reached");
        assertTrue(SpawnFailures.isThreadLimit(threads));
        assertEquals("Too many processes in process table to spawn 'web'", SpawnFailures.describe("web", threads));
        assertFalse(SpawnFailures.isThreadLimit(new OutOfMemoryError("Java heap space")));
    }

    @Test
    void outOfDescriptorsAndOtherErrorsKeepTheirTexts() {
        assertEquals("too many open files to spawn 'web'", SpawnFailures.describe("web", new IOException(
                "Cannot run program \"/usr/bin/setpriv\": error=24, Too many open files")));
        assertEquals("too many open files to spawn 'web'", SpawnFailures.describe("web", new IOException(
                "Too many open files")));
        assertEquals("unknown error during fork for 'web': ENOMEM", SpawnFailures.describe("web", new IOException(
                "Cannot run program \"/usr/bin/setpriv\": error=12, Cannot allocate memory")));
        assertEquals("unknown error during fork for 'web': boom", SpawnFailures.describe("web",
                new IllegalStateException("boom")));
    }
}
