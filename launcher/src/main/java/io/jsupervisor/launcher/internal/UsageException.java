package io.jsupervisor.launcher.internal;

/**
 * A user error the reference reports as {@code Error: <message>} plus {@code For help, use <argv0> -h} on stderr,
 * with exit status 2.
 */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
