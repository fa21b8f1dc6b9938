package io.jsupervisor.core.internal;

import io.jsupervisor.config.ProcessSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A program's {@code rlimit_nofile}, {@code rlimit_nproc}, {@code rlimit_core}, {@code rlimit_as} as options of
 * {@code prlimit} (util-linux), which sets them on itself and then execs the program. A single value sets soft and
 * hard limit (as prlimit does), {@code soft:hard} each; {@code unlimited} is no limit; core and as are byte sizes
 * (KB/MB/GB allowed). The config module refused bad values at load.
 */
final class ChildRlimits {
    /** Option, prlimit resource name, whether the values are byte sizes. */
    private static final String[][] OPTIONS = {
        {"rlimit_nofile", "nofile", ""}, {"rlimit_nproc", "nproc", ""},
        {"rlimit_core", "core", "size"}, {"rlimit_as", "as", "size"},
    };

    private ChildRlimits() {
    }

    /**
     * The prlimit options for the child, empty when nothing is to be set.
     *
     * @param daemonNofile the NOFILE limit children get from the daemon (see {@link Rlimits}), or null;
     *                     the program's own {@code rlimit_nofile} wins over it
     */
    static List<String> prlimitOptions(ProcessSpec spec, Rlimits.Limit daemonNofile) {
        List<String> out = new ArrayList<>(4);
        for (String[] o : OPTIONS) {
            String text = spec.options().get(o[0]);
            if (text != null) {
                out.add("--" + o[1] + "=" + value(text, !o[2].isEmpty()));
            } else if (o[1].equals("nofile") && daemonNofile != null) {
                out.add("--nofile=" + daemonNofile.text());
            }
        }
        return out;
    }

    /** True when the program sets any rlimit of its own. */
    static boolean configured(ProcessSpec spec) {
        for (String[] o : OPTIONS) {
            if (spec.options().containsKey(o[0])) {
                return true;
            }
        }
        return false;
    }

    /** {@code soft:hard} in prlimit's syntax. */
    static String value(String text, boolean sizes) {
        String t = text.trim();
        int colon = t.indexOf(':');
        String soft = one(colon < 0 ? t : t.substring(0, colon), sizes);
        String hard = colon < 0 ? soft : one(t.substring(colon + 1), sizes);
        return soft + ":" + hard;
    }

    private static String one(String part, boolean sizes) {
        String p = part.trim().toLowerCase(Locale.ROOT);
        if (p.equals("unlimited")) {
            return "unlimited";
        }
        return Long.toString(sizes ? ResourceLimits.size(p) : Long.parseLong(p.replace("_", "")));
    }
}
