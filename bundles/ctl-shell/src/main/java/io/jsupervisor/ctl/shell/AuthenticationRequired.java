package io.jsupervisor.ctl.shell;

/**
 * The server answered 401. Non-interactive, the command loop prints {@code Server requires authentication},
 * then runs the command once more and shows the second failure as an error line, as the reference does;
 * interactive, it asks for a user name and password ({@link Session#login}) and retries.
 */
public final class AuthenticationRequired extends ClientError {
    private static final long serialVersionUID = 1L;

    /** @param value Python's {@code str()} of the ProtocolError, e.g. {@code <ProtocolError for 127.0.0.1/RPC2: 401 Unauthorized>} */
    public AuthenticationRequired(String value) {
        super("xmlrpc.client.ProtocolError", value);
    }
}
