package io.jsupervisor.config.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Our opt-in per-program options for memory_limit, cpu_limit and rlimit_*, which the reference does not know (it ignores unknown
 * options, so a file using them still loads there). They stay in {@code ProcessSpec.options()} as text; here a
 * bad value is refused at load with the usual section, option and file.
 *
 * <p>{@code memory_limit}: a byte size as the reference's ({@code 512MB}; KB, MB, GB are 1024-based), above 0.
 * {@code cpu_limit}: percent of one core, above 0 ({@code 90}, {@code 12.5}, {@code 250%} for 2.5 cores).
 * {@code cpu_limit_window}: seconds the CPU use is averaged over, 1 to 3600. {@code rlimit_nofile},
 * {@code rlimit_nproc}: a count; {@code rlimit_core}, {@code rlimit_as}: a byte size; each also
 * {@code unlimited}, or {@code soft:hard} with each side one of those.
 */
final class LimitOptions {
    static final List<String> COUNT_RLIMITS = List.of("rlimit_nofile", "rlimit_nproc");
    static final List<String> SIZE_RLIMITS = List.of("rlimit_core", "rlimit_as");
    static final int MAX_WINDOW_SECONDS = 3600;

    private LimitOptions() {
    }

    static void check(SectionOptions opts, Map<String, Object> names) {
        String memory = opts.get("memory_limit", null, names);
        if (memory != null) {
            long bytes = opts.typed("memory_limit", memory, PyValues::byteSize);
            if (bytes <= 0) {
                throw opts.refuse("memory_limit", "not a byte size above 0: " + PyText.repr(memory));
            }
        }
        String cpu = opts.get("cpu_limit", null, names);
        if (cpu != null) {
            opts.typed("cpu_limit", cpu, LimitOptions::percent);
        }
        String window = opts.get("cpu_limit_window", null, names);
        if (window != null) {
            int seconds = opts.typed("cpu_limit_window", window, PyValues::integer);
            if (seconds < 1 || seconds > MAX_WINDOW_SECONDS) {
                throw opts.refuse("cpu_limit_window", "not a number of seconds from 1 to " + MAX_WINDOW_SECONDS
                        + ": " + PyText.repr(window));
            }
        }
        for (String option : COUNT_RLIMITS) {
            String text = opts.get(option, null, names);
            if (text != null) {
                opts.typed(option, text, v -> rlimit(v, false));
            }
        }
        for (String option : SIZE_RLIMITS) {
            String text = opts.get(option, null, names);
            if (text != null) {
                opts.typed(option, text, v -> rlimit(v, true));
            }
        }
    }

    /** A percentage above 0: digits with an optional fraction and an optional trailing {@code %}. */
    static double percent(String text) {
        String s = PyText.strip(text);
        if (s.endsWith("%")) {
            s = PyText.strip(s.substring(0, s.length() - 1));
        }
        if (s.matches("[0-9]+(\\.[0-9]+)?|\\.[0-9]+")) {
            BigDecimal v = new BigDecimal(s);
            if (v.signum() > 0 && v.compareTo(BigDecimal.valueOf(1_000_000)) <= 0) {
                return v.doubleValue();
            }
        }
        throw new Refusal("not a percentage above 0: " + PyText.repr(text));
    }

    /**
     * An rlimit value: one limit for soft and hard, or {@code soft:hard}; each a number (a byte size when
     * {@code sizes}) or {@code unlimited}.
     *
     * @return soft and hard, -1 for unlimited
     */
    static long[] rlimit(String text, boolean sizes) {
        String s = PyText.strip(text);
        int colon = s.indexOf(':');
        long soft = one(colon < 0 ? s : s.substring(0, colon), text, sizes);
        long hard = colon < 0 ? soft : one(s.substring(colon + 1), text, sizes);
        if (hard != -1 && (soft == -1 || soft > hard)) {
            throw new Refusal("soft limit above hard limit: " + PyText.repr(text));
        }
        return new long[] {soft, hard};
    }

    private static long one(String part, String whole, boolean sizes) {
        String p = PyText.strip(part);
        if (PyText.lower(p).equals("unlimited")) {
            return -1;
        }
        long v;
        try {
            v = sizes ? PyValues.byteSize(p) : PyValues.pyInt(p, 10);
        } catch (Refusal r) {
            v = -1;
        }
        if (v < 0 || p.startsWith("+")) {
            throw new Refusal("not " + (sizes ? "a byte size" : "a number") + ", unlimited or soft:hard: "
                    + PyText.repr(whole));
        }
        return v;
    }
}
