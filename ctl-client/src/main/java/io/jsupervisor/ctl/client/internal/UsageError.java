package io.jsupervisor.ctl.client.internal;

/** A command-line or config problem: {@code Error: <msg>} and {@code For help, use <prog> -h}, exit 2. */
public final class UsageError extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
        super(message);
    }
}
