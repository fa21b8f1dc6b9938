package io.jsupervisor.config.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Our opt-in per-program options for healthcheck_*, which the reference does not know (it ignores unknown
 * options, so a file using them still loads there). They stay in {@code ProcessSpec.options()} as text; here a
 * bad value is refused at load with the usual section, option and file. The values are checked even without a
 * {@code healthcheck} (where they have no effect), since {@code healthcheck_action} also serves the resource
 * limits.
 */
final class HealthOptions {
    static final List<String> ACTIONS = List.of("restart", "stop", "none");
    /** Durations are seconds, fractions allowed, down to a millisecond; a day at most. */
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(86_400);

    private HealthOptions() {
    }

    static void check(SectionOptions opts, Map<String, Object> names) {
        String check = opts.get("healthcheck", null, names);
        if (check != null) {
            opts.typed("healthcheck", check, HealthOptions::check);
        }
        opts.typed("healthcheck_interval", opts.get("healthcheck_interval", "10", names), t -> seconds(t, false));
        opts.typed("healthcheck_timeout", opts.get("healthcheck_timeout", "5", names), t -> seconds(t, false));
        opts.typed("healthcheck_start_period", opts.get("healthcheck_start_period", "0", names),
                t -> seconds(t, true));
        int retries = opts.typed("healthcheck_retries", opts.get("healthcheck_retries", "3", names),
                PyValues::integer);
        if (retries < 1) {
            throw opts.refuse("healthcheck_retries", "must be at least 1: " + PyText.repr(
                    opts.get("healthcheck_retries", "3", names)));
        }
        opts.typed("healthcheck_action", opts.get("healthcheck_action", "restart", names), HealthOptions::action);
        opts.typed("healthcheck_ready", opts.get("healthcheck_ready", "false", names), PyValues::bool);
    }

    /** {@code http://host[:port]/path}, {@code https://…}, {@code tcp://host:port} or {@code exec:COMMAND}. */
    static String check(String text) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("exec:")) {
            if (t.substring(5).isBlank()) {
                throw new Refusal("exec: needs a command: " + PyText.repr(text));
            }
            return t;
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            throw new Refusal("not a valid URL: " + PyText.repr(text));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                if (uri.getHost() == null) {
                    throw new Refusal("no host in " + PyText.repr(text));
                }
            }
            case "tcp" -> {
                if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535) {
                    throw new Refusal("tcp:// needs host:port with a port from 1 to 65535: " + PyText.repr(text));
                }
            }
            default -> throw new Refusal("must start with http://, https://, tcp:// or exec: " + PyText.repr(text));
        }
        return t;
    }

    /** A number of seconds (fractions allowed), positive, or not negative when {@code zeroAllowed}. */
    static BigDecimal seconds(String text, boolean zeroAllowed) {
        BigDecimal v;
        try {
            v = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new Refusal("not a number of seconds: " + PyText.repr(text));
        }
        int sign = v.signum();
        if (sign < 0 || (sign == 0 && !zeroAllowed) || v.compareTo(MAX_SECONDS) > 0
                || v.movePointRight(3).stripTrailingZeros().scale() > 0) {
            throw new Refusal((zeroAllowed ? "not 0 to 86400 seconds in steps of 0.001: "
                    : "not 0.001 to 86400 seconds: ") + PyText.repr(text));
        }
        return v;
    }

    static String action(String text) {
        String a = text.strip().toLowerCase(Locale.ROOT);
        if (!ACTIONS.contains(a)) {
            throw new Refusal("not one of restart, stop, none: " + PyText.repr(text));
        }
        return a;
    }
}
