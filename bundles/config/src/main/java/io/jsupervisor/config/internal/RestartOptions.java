package io.jsupervisor.config.internal;

import java.util.Map;

/**
 * Our opt-in per-program restart options, which the reference does not know (it ignores unknown options, so a
 * file using them still loads there): {@code backoff}, {@code backoff_max}, {@code retry_forever},
 * {@code restart_pause} and {@code remember_stopped}. They stay in {@code ProcessSpec.options()} as text for
 * the core; here a bad value is refused at load with the usual section, option and file.
 * ({@code environment_file} is read by {@link EnvironmentFile}, since its variables become the environment.)
 */
final class RestartOptions {
    private RestartOptions() {
    }

    static void check(SectionOptions opts, Map<String, Object> names) {
        opts.typed("backoff", opts.get("backoff", "linear", names), RestartOptions::backoff);
        String max = opts.get("backoff_max", null, names);
        if (max != null) {
            opts.typed("backoff_max", max, text -> seconds("backoff_max", text, 1));
        }
        opts.typed("retry_forever", opts.get("retry_forever", "false", names), PyValues::bool);
        opts.typed("restart_pause", opts.get("restart_pause", "0", names), text -> seconds("restart_pause", text, 0));
        opts.typed("remember_stopped", opts.get("remember_stopped", "false", names), PyValues::bool);
    }

    /** {@code linear} (the reference's k seconds after the k-th failure) or {@code exponential}, any case. */
    static String backoff(String text) {
        String v = PyText.lower(PyText.strip(text));
        if (v.equals("linear") || v.equals("exponential")) {
            return v;
        }
        throw new Refusal("invalid 'backoff' value " + PyText.repr(text) + ": expected linear or exponential");
    }

    /** A whole number of seconds, {@code min} or more (the reference's own seconds options are integers). */
    static int seconds(String option, String text, int min) {
        int v = PyValues.integer(text);
        if (v < min) {
            throw new Refusal("invalid '" + option + "' value " + PyText.repr(text) + ": must be " + min
                    + " or more");
        }
        return v;
    }
}
