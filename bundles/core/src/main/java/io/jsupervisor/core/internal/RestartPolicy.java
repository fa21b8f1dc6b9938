package io.jsupervisor.core.internal;

import io.jsupervisor.config.ProcessSpec;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A program's opt-in restart options, read from {@link ProcessSpec#options()} (the config module refused bad
 * values at load). Without them every value is the reference's behaviour: linear back-off without a cap, FATAL
 * after {@code startretries}, an EXITED program restarted at once, manual stops forgotten by a restart.
 *
 * @param exponential     wait 1, 2, 4, 8 ... s after the 1st, 2nd, 3rd ... failed start, not 1, 2, 3 ...
 * @param backoffMaxNanos cap of one back-off wait; 0: none
 * @param retryForever    BACKOFF never turns FATAL
 * @param restartPauseNanos how long an EXITED program waits before autorestart spawns it again
 * @param rememberStopped a manual stop survives an in-process restart (reload)
 */
record RestartPolicy(boolean exponential, long backoffMaxNanos, boolean retryForever, long restartPauseNanos,
                     boolean rememberStopped) {
    static final RestartPolicy REFERENCE = new RestartPolicy(false, 0, false, 0, false);
    private static final long SECOND = 1_000_000_000L;
    private static final Set<String> TRUTHY = Set.of("true", "yes", "on", "1");

    static RestartPolicy of(ProcessSpec spec) {
        Map<String, String> o = spec.options();
        return new RestartPolicy("exponential".equals(lower(o.get("backoff"))), seconds(o.get("backoff_max")) * SECOND,
                TRUTHY.contains(lower(o.get("retry_forever"))), seconds(o.get("restart_pause")) * SECOND,
                TRUTHY.contains(lower(o.get("remember_stopped"))));
    }

    /** The wait after the {@code tries}-th consecutive failed start (the reference: {@code tries} seconds). */
    long backoffNanos(int tries) {
        long wait;
        if (exponential) {
            // 2^(tries-1) s, held at 2^32 s (136 years) so that the nanoseconds cannot overflow
            wait = (1L << Math.min(Math.max(tries - 1, 0), 32)) * SECOND;
        } else {
            wait = tries * SECOND;
        }
        return backoffMaxNanos > 0 ? Math.min(wait, backoffMaxNanos) : wait;
    }

    private static String lower(String v) {
        return v == null ? "" : v.strip().toLowerCase(Locale.ROOT);
    }

    /** A Python int() as the config module accepted it; anything else (absent) is 0. */
    private static long seconds(String v) {
        if (v == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(v.strip().replace("_", "")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
