package io.jsupervisor.ctl.shell;

/** supervisorctl's exit statuses (the LSB init and status script codes it borrows). */
public final class ExitStatus {
    public static final int SUCCESS = 0;
    public static final int GENERIC = 1;
    public static final int INVALID_ARGS = 2;
    public static final int UNIMPLEMENTED_FEATURE = 3;
    public static final int INSUFFICIENT_PRIVILEGES = 4;
    public static final int NOT_INSTALLED = 5;
    public static final int NOT_RUNNING = 7;
    /** {@code status}: a listed process is in a stopped state. */
    public static final int STATUS_NOT_RUNNING = 3;
    /** {@code status}: an unknown name, or the server could not be reached. */
    public static final int STATUS_UNKNOWN = 4;

    private ExitStatus() {
    }
}
