package io.jsupervisor.ctl.client.internal;

/**
 * A {@code <fault>} reply, kept as the two values the protocol defines: nothing in it is ever turned into a Java
 * object of the server's choosing (the flaw of Apache XML-RPC's client, CVE-2019-17570).
 */
public final class XmlRpcFault extends Exception {
    private static final long serialVersionUID = 1L;

    private final int code;
    private final String string;

    public XmlRpcFault(int code, String string) {
        super(code + ": " + string);
        this.code = code;
        this.string = string;
    }

    public int code() {
        return code;
    }

    public String string() {
        return string;
    }
}
