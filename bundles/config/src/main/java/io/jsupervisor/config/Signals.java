package io.jsupervisor.config;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Signal names and numbers of Linux, parsed as the reference's {@code signal_number} does. */
public final class Signals {
    private static final Map<String, Integer> BY_NAME;

    static {
        String[] names = {null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1",
            "SEGV", "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
            "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "POLL", "PWR", "SYS"};
        Map<String, Integer> m = new TreeMap<>();
        for (int i = 1; i < names.length; i++) {
            m.put(names[i], i);
        }
        m.put("IOT", 6);
        m.put("IO", 29);
        m.put("CLD", 17);
        BY_NAME = Map.copyOf(m);
    }

    private Signals() {
    }

    /**
     * Parses {@code TERM}, {@code SIGTERM}, {@code sigterm} or {@code 15}.
     *
     * @throws IllegalArgumentException when it names no signal
     */
    public static int parse(String text) {
        String v = text.trim();
        if (!v.isEmpty() && Character.isLetter(v.charAt(0))) {
            return byName(v, text); // the usual case: no NumberFormatException thrown and caught
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1 && n <= 64) {
                return n;
            }
            throw new IllegalArgumentException("value " + text + " is not a valid signal number");
        } catch (NumberFormatException e) {
            return byName(v, text);
        }
    }

    private static int byName(String v, String text) {
        String up = v.toUpperCase(Locale.ROOT);
        if (up.startsWith("SIG")) {
            up = up.substring(3);
        }
        Integer n = BY_NAME.get(up);
        if (n == null) {
            throw new IllegalArgumentException("value " + text + " is not a valid signal name");
        }
        return n;
    }

    /** The name without {@code SIG} (e.g. {@code TERM}) of a signal number, or {@code signal N}. */
    public static String name(int number) {
        for (Map.Entry<String, Integer> e : BY_NAME.entrySet()) {
            if (e.getValue() == number && !e.getKey().equals("IOT") && !e.getKey().equals("IO")
                    && !e.getKey().equals("CLD")) {
                return e.getKey();
            }
        }
        return "signal " + number;
    }

    /** True when {@code number} is a signal the OS knows (1..64). */
    public static boolean isValid(int number) {
        return number >= 1 && number <= 64;
    }
}
