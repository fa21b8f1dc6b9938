package io.jsupervisor.ctl.client.internal;

/** A reply body that is not the XML-RPC we accept (bad XML, a DTD, an unknown type, too deep, too big). */
public final class MalformedReply extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedReply(String message) {
        super(message);
    }

    public MalformedReply(String message, Throwable cause) {
        super(message, cause);
    }
}
