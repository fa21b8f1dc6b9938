package io.jsupervisor.ctl.shell;

/**
 * An error a remote client hits that the reference's supervisorctl does not handle itself: the command loop
 * prints it as {@code error: <class 'PYTHON_CLASS'>, VALUE} (without Python's {@code : file: … line: …}
 * suffix) and exits 1. A client throws it from its {@link io.jsupervisor.api.ProcessManager} calls, naming the
 * Python exception the reference would have raised, e.g. {@code ConnectionRefusedError},
 * {@code [Errno 111] Connection refused}.
 */
public class ClientError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pythonClass;
    private final String value;

    public ClientError(String pythonClass, String value) {
        this(pythonClass, value, null);
    }

    public ClientError(String pythonClass, String value, Throwable cause) {
        super(value, cause);
        this.pythonClass = pythonClass;
        this.value = value;
    }

    /** The Python exception class the reference would show, e.g. {@code xmlrpc.client.ProtocolError}. */
    public String pythonClass() {
        return pythonClass;
    }

    /** Python's {@code str()} of the exception. */
    public String value() {
        return value;
    }
}
