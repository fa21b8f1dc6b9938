package io.jsupervisor.core.internal;

import io.jsupervisor.config.ProcessSpec;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

/**
 * A program's {@code healthcheck*} options, read from {@link ProcessSpec#options()} (the config bundle has
 * already refused bad values at load; anything unreadable here falls back to the default).
 *
 * @param check        the check as written: {@code http://…}, {@code https://…}, {@code tcp://host:port},
 *                     {@code exec:COMMAND}
 * @param intervalMs   between the end of one check and the start of the next
 * @param timeoutMs    one check's limit
 * @param retries      failures in a row that make the program UNHEALTHY
 * @param startPeriodMs failures this soon after the spawn are not counted (until a first pass)
 * @param action       {@code restart}, {@code stop} or {@code none}
 * @param ready        the program is RUNNING only once a check has passed
 */
record HealthSettings(String check, long intervalMs, long timeoutMs, int retries, long startPeriodMs,
                      String action, boolean ready) {
    /** The settings of a program, or {@code null} when it has no {@code healthcheck} (costs nothing then). */
    static HealthSettings of(ProcessSpec spec) {
        Map<String, String> o = spec.options();
        String check = o == null ? null : o.get("healthcheck");
        if (check == null || check.isBlank()) {
            return null;
        }
        return new HealthSettings(check.strip(), millis(o.get("healthcheck_interval"), 10_000),
                millis(o.get("healthcheck_timeout"), 5_000), retries(o.get("healthcheck_retries")),
                millis(o.get("healthcheck_start_period"), 0), action(o.get("healthcheck_action")),
                bool(o.get("healthcheck_ready")));
    }

    private static long millis(String text, long dflt) {
        if (text == null) {
            return dflt;
        }
        try {
            return new BigDecimal(text.strip()).movePointRight(3).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return dflt;
        }
    }

    private static int retries(String text) {
        try {
            return text == null ? 3 : Math.max(1, Integer.parseInt(text.strip().replace("_", "")));
        } catch (NumberFormatException e) {
            return 3;
        }
    }

    private static String action(String text) {
        String a = text == null ? "restart" : text.strip().toLowerCase(Locale.ROOT);
        return a.equals("stop") || a.equals("none") ? a : "restart";
    }

    private static boolean bool(String text) {
        return text != null && java.util.List.of("yes", "true", "on", "1").contains(text.strip().toLowerCase(Locale.ROOT));
    }

    /** {@code 5 s}, {@code 0.5 s}: a duration as the results name it. */
    static String seconds(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros().toPlainString() + " s";
    }
}
