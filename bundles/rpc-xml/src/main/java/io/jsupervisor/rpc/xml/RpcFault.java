package io.jsupervisor.rpc.xml;

/** Thrown by a namespace method to answer with an XML-RPC fault of its own code and text. */
public class RpcFault extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int code;

    public RpcFault(int code, String faultString) {
        super(faultString);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The {@code faultString} sent to the client. */
    public String faultString() {
        return getMessage();
    }
}
