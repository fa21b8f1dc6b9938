package io.jsupervisor.ctl.shell;

/**
 * The server could not be reached: a refused TCP connection or a missing unix socket (the two the reference
 * names in its upcheck and in {@code shutdown}), or another socket error.
 */
public final class ConnectionFailure extends ClientError {
    private static final long serialVersionUID = 1L;

    /** What went wrong, as the reference tells the errno apart. */
    public enum Kind {
        /** ECONNREFUSED: {@code <url> refused connection}. */
        REFUSED,
        /** ENOENT (unix socket file missing): {@code <url> no such file}. */
        NO_SUCH_FILE,
        /** Any other socket error: raised as it is. */
        OTHER
    }

    private final Kind kind;

    public ConnectionFailure(Kind kind, String pythonClass, String value, Throwable cause) {
        super(pythonClass, value, cause);
        this.kind = kind;
    }

    public static ConnectionFailure refused(Throwable cause) {
        return new ConnectionFailure(Kind.REFUSED, "ConnectionRefusedError", "[Errno 111] Connection refused", cause);
    }

    public static ConnectionFailure noSuchFile(Throwable cause) {
        return new ConnectionFailure(Kind.NO_SUCH_FILE, "FileNotFoundError", "[Errno 2] No such file or directory",
                cause);
    }

    public Kind kind() {
        return kind;
    }
}
