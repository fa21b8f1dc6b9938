package io.jsupervisor.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A child the JDK forked and then lost (no thread to wait for it, at the process limit) is found by the environment
 * it was given and killed; a supervised child with the same environment, and any other child, are left alone.
 */
class SpawnerStraysTest {
    private static Process sleeper(Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/bin/sleep", "98771");
        pb.environment().clear();
        pb.environment().putAll(env);
        return pb.start();
    }

    @Test
    void onlyAnUnknownChildWithExactlyTheGivenEnvironmentIsKilled() throws Exception {
        String tag = Long.toString(System.nanoTime());
        Map<String, String> env = Map.of("SUPERVISOR_ENABLED", "1", "SUPERVISOR_PROCESS_NAME", "web" + tag,
                "SUPERVISOR_GROUP_NAME", "web" + tag);
        Process stray = sleeper(env);
        Process known = sleeper(env);
        Process other = sleeper(Map.of("SUPERVISOR_ENABLED", "1", "SUPERVISOR_PROCESS_NAME", "db" + tag,
                "SUPERVISOR_GROUP_NAME", "db" + tag));
        try {
            // the environment of a child, once it runs its program
            assertEquals(env, Spawner.environment(stray.pid()));
            List<Long> killed = new Spawner().killStrays(env, Set.of(known.pid()));
            assertEquals(List.of(stray.pid()), killed);
            assertTrue(stray.waitFor(30, TimeUnit.SECONDS), "the stray ended");
            assertEquals(128 + 9, stray.exitValue());
            assertTrue(known.isAlive(), "the supervised one runs on");
            assertTrue(other.isAlive(), "another process's child runs on");
        } finally {
            stray.destroyForcibly();
            known.destroyForcibly();
            other.destroyForcibly();
        }
    }
}
