package io.jsupervisor.api;

/**
 * A failed operation, carrying the reference's fault. Its message is the reference's fault string:
 * {@code NAME} or {@code NAME: detail}.
 */
public class SupervisorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Fault fault;
    private final String detail;

    public SupervisorException(Fault fault) {
        this(fault, null);
    }

    public SupervisorException(Fault fault, String detail) {
        super(detail == null ? fault.name() : fault.name() + ": " + detail);
        this.fault = fault;
        this.detail = detail;
    }

    public Fault fault() {
        return fault;
    }

    /** The text after {@code NAME: }, or {@code null}. */
    public String detail() {
        return detail;
    }
}
