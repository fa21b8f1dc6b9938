package io.jsupervisor.core.internal;

import io.jsupervisor.config.ProcessSpec;
import java.util.Locale;
import java.util.Map;

/**
 * A program's {@code memory_limit}, {@code cpu_limit} ({@code cpu_limit_window}) and the action taken when one is
 * exceeded ({@code healthcheck_action}), read from {@code ProcessSpec.options()}. The config module refused bad
 * values at load, so this reads leniently; {@link #NONE} when the program has neither limit.
 *
 * @param memoryBytes   resident memory of the process tree allowed, 0 for no limit
 * @param memoryText    {@code memory_limit} as written (for the log line)
 * @param cpuPercent    percent of one core allowed on average, 0 for no limit
 * @param windowSeconds the averaging window of {@code cpu_limit}
 * @param action        what to do when a limit is exceeded
 */
record ResourceLimits(long memoryBytes, String memoryText, double cpuPercent, int windowSeconds, Action action) {
    static final int DEFAULT_WINDOW_SECONDS = 10;
    static final ResourceLimits NONE = new ResourceLimits(0, "", 0, DEFAULT_WINDOW_SECONDS, Action.RESTART);

    /** {@code healthcheck_action}: restart (the default), stop, none (only the log line). */
    enum Action {
        RESTART, STOP, NONE;

        static Action of(String text) {
            if (text == null) {
                return RESTART;
            }
            return switch (text.trim().toLowerCase(Locale.ROOT)) {
                case "stop" -> STOP;
                case "none" -> NONE;
                default -> RESTART;
            };
        }
    }

    boolean any() {
        return memoryBytes > 0 || cpuPercent > 0;
    }

    static ResourceLimits of(ProcessSpec spec) {
        Map<String, String> o = spec.options();
        String memory = o.get("memory_limit");
        String cpu = o.get("cpu_limit");
        if (memory == null && cpu == null) {
            return NONE;
        }
        try {
            String window = o.get("cpu_limit_window");
            return new ResourceLimits(memory == null ? 0 : size(memory), memory == null ? "" : memory.trim(),
                    cpu == null ? 0 : percent(cpu),
                    window == null ? DEFAULT_WINDOW_SECONDS : Integer.parseInt(digits(window)),
                    Action.of(o.get("healthcheck_action")));
        } catch (RuntimeException e) {
            return NONE; // refused at load; a spec built elsewhere (tests) with a bad value has no limit
        }
    }

    /** A byte size as the reference's {@code byte_size}: KB, MB, GB (1024-based, any case) or bytes. */
    static long size(String text) {
        String v = text.trim().toLowerCase(Locale.ROOT);
        long multiplier = 1;
        if (v.endsWith("kb")) {
            multiplier = 1L << 10;
        } else if (v.endsWith("mb")) {
            multiplier = 1L << 20;
        } else if (v.endsWith("gb")) {
            multiplier = 1L << 30;
        }
        if (multiplier != 1) {
            v = v.substring(0, v.length() - 2);
        }
        return Math.multiplyExact(Long.parseLong(digits(v)), multiplier);
    }

    static double percent(String text) {
        String v = text.trim();
        if (v.endsWith("%")) {
            v = v.substring(0, v.length() - 1).trim();
        }
        return Double.parseDouble(v);
    }

    private static String digits(String v) {
        return v.trim().replace("_", "");
    }

    /** A byte count for a log line: {@code 301.4MB}, {@code 12.0KB}, {@code 512B}. */
    static String bytes(long n) {
        if (n >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1fGB", n / (double) (1L << 30));
        }
        if (n >= 1L << 20) {
            return String.format(Locale.ROOT, "%.1fMB", n / (double) (1L << 20));
        }
        if (n >= 1L << 10) {
            return String.format(Locale.ROOT, "%.1fKB", n / (double) (1L << 10));
        }
        return n + "B";
    }
}
