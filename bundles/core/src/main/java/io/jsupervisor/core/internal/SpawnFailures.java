package io.jsupervisor.core.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference's spawnerr text for a child that could not be started. The JDK reports a failed fork as an
 * IOException with the errno in its message ({@code error=11, ...} on JDK 17, {@code error: 11 (...)} on newer
 * ones), and a thread it cannot create as an OutOfMemoryError.
 */
final class SpawnFailures {
    private static final int EAGAIN = 11;
    private static final int ENOMEM = 12;
    private static final int EMFILE = 24;
    private static final Pattern ERRNO = Pattern.compile("error[=:] ?(\\d+)");

    private SpawnFailures() {
    }

    /** True for the JVM's "unable to create native thread": the same EAGAIN a fork gets at the process limit. */
    static boolean isThreadLimit(Throwable e) {
        return e instanceof OutOfMemoryError
                && String.valueOf(e.getMessage()).contains("unable to create native thread");
    }

    /** The spawnerr for {@code e}, thrown while starting {@code name} (the child itself or a thread of it). */
    static String describe(String name, Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (isThreadLimit(e)) {
            return processTableFull(name);
        }
        Matcher m = ERRNO.matcher(message);
        int errno = m.find() ? Integer.parseInt(m.group(1)) : -1;
        if (errno == EAGAIN) {
            return processTableFull(name);
        }
        if (errno == EMFILE || message.contains("Too many open files")) {
            return "too many open files to spawn '" + name + "'";
        }
        if (errno == ENOMEM) {
            return "unknown error during fork for '" + name + "': ENOMEM";
        }
        return "unknown error during fork for '" + name + "': " + message;
    }

    private static String processTableFull(String name) {
        return "Too many processes in process table to spawn '" + name + "'";
    }
}
