package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ClientError;

/**
 * An error the reference's supervisorctl does not handle: it raises, and its command loop prints
 * {@code error: <class …>, <value>: file: … line: …} and sets exit status 1. We print the same line
 * without the meaningless Python file and line suffix.
 */
final class Raised extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String pythonClass;
    private final String value;

    private Raised(String pythonClass, String value) {
        super(value);
        this.pythonClass = pythonClass;
        this.value = value;
    }

    /** supervisorctl's "assertion" for a result code it has no text for. */
    static Raised unknownResultCode(int code, String namespec) {
        return new Raised("ValueError", "Unknown result code " + code + " for " + namespec);
    }

    /** Any exception escaping a command, shown as the reference shows an unhandled one. */
    static Raised from(RuntimeException e) {
        if (e instanceof Raised raised) {
            return raised;
        }
        if (e instanceof SupervisorException fault) {
            return new Raised("xmlrpc.client.Fault", faultText(fault));
        }
        if (e instanceof ClientError client) {
            return new Raised(client.pythonClass(), client.value());
        }
        return new Raised(e.getClass().getName(), String.valueOf(e.getMessage()));
    }

    /** {@code str()} of an xmlrpc.client.Fault, e.g. {@code <Fault 10: 'BAD_NAME: foo'>}. */
    static String faultText(SupervisorException fault) {
        return "<Fault " + fault.fault().code() + ": " + PyText.repr(fault.getMessage()) + ">";
    }

    String errorLine() {
        return "error: <class '" + pythonClass + "'>, " + value;
    }
}
