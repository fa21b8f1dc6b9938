package io.jsupervisor.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.config.AutoRestart;
import io.jsupervisor.config.ProcessSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The waits the restart options give, from the option text as the config module keeps it. */
class RestartPolicyTest {
    private static final long S = 1_000_000_000L;

    private static RestartPolicy of(Map<String, String> options) {
        ProcessSpec p = new ProcessSpec("p", "p", "p", 0, "true", 999, true, 1, 3, AutoRestart.UNEXPECTED,
                List.of(0), 15, 10, false, false, null, null, false, null, null, Map.of(), null, null, "AUTO",
                options);
        return RestartPolicy.of(p);
    }

    @Test
    void withoutOptionsItIsTheReferencesLinearBackoff() {
        RestartPolicy r = of(Map.of());
        assertEquals(RestartPolicy.REFERENCE, r);
        assertEquals(List.of(S, 2 * S, 3 * S, 100 * S),
                List.of(r.backoffNanos(1), r.backoffNanos(2), r.backoffNanos(3), r.backoffNanos(100)));
    }

    @Test
    void exponentialDoublesAndBackoffMaxCaps() {
        RestartPolicy r = of(Map.of("backoff", " Exponential ", "backoff_max", "10"));
        assertEquals(List.of(S, 2 * S, 4 * S, 8 * S, 10 * S, 10 * S),
                List.of(r.backoffNanos(1), r.backoffNanos(2), r.backoffNanos(3), r.backoffNanos(4),
                        r.backoffNanos(5), r.backoffNanos(1000)));
        assertEquals(5 * S, of(Map.of("backoff_max", "5")).backoffNanos(9), "the cap holds for linear too");
    }

    @Test
    void endlessRetriesWithoutACapNeverOverflow() {
        RestartPolicy r = of(Map.of("backoff", "exponential", "retry_forever", "yes"));
        assertTrue(r.retryForever());
        assertEquals(r.backoffNanos(33), r.backoffNanos(Integer.MAX_VALUE));
        assertTrue(r.backoffNanos(Integer.MAX_VALUE) > 0);
    }

    @Test
    void pauseAndRememberAreRead() {
        RestartPolicy r = of(Map.of("restart_pause", "+1_5", "remember_stopped", "On"));
        assertEquals(15 * S, r.restartPauseNanos());
        assertTrue(r.rememberStopped());
        assertFalse(of(Map.of("remember_stopped", "off")).rememberStopped());
    }
}
