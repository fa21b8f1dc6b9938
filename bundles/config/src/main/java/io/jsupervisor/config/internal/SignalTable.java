package io.jsupervisor.config.internal;

import io.jsupervisor.config.Signals;
import java.util.Map;
import java.util.Set;

/**
 * What Python's {@code signal} module offers on Linux, which is what the reference accepts: the
 * standard names (through {@link Signals}), plus the module's other {@code SIG*} attributes.
 */
final class SignalTable {
    /** Every value of a {@code SIG*} attribute: 0..31 (SIG_DFL, SIG_BLOCK are 0), SIGRTMIN, SIGRTMAX. */
    private static final Set<Long> SIGNUMS;
    private static final Map<String, Integer> EXTRA_NAMES = Map.of(
            "SIGPOLL", 29, "SIGRTMIN", 34, "SIGRTMAX", 64,
            "SIG_DFL", 0, "SIG_IGN", 1, "SIG_BLOCK", 0, "SIG_UNBLOCK", 1, "SIG_SETMASK", 2);

    static {
        java.util.HashSet<Long> s = new java.util.HashSet<>();
        for (long i = 0; i <= 31; i++) {
            s.add(i);
        }
        s.add(34L);
        s.add(64L);
        SIGNUMS = Set.copyOf(s);
    }

    private SignalTable() {
    }

    static Integer byPythonName(String sigName) {
        Integer extra = EXTRA_NAMES.get(sigName);
        if (extra != null) {
            return extra;
        }
        String bare = sigName.substring(3);
        if (bare.isEmpty() || bare.startsWith("SIG") || bare.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Signals.parse(bare);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static boolean isPythonSignum(long n) {
        return SIGNUMS.contains(n);
    }
}
