package io.jsupervisor.ctl.client.internal;

import io.jsupervisor.ctl.shell.AuthenticationRequired;
import io.jsupervisor.ctl.shell.ClientError;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Calls {@code POST /RPC2} the way the reference's supervisorctl does (one connection per call, Basic auth when
 * a user name and password are set) and turns every failure into what the reference would raise: a
 * {@link XmlRpcFault}, or a {@link ClientError} naming the Python exception.
 */
public final class XmlRpcClient {
    private final ServerSettings settings;

    public XmlRpcClient(ServerSettings settings) {
        this.settings = settings;
    }

    public Object call(String method, Object... params) throws XmlRpcFault {
        byte[] body = XmlRpcWriter.methodCall(method, List.of(params));
        ServerAddress address = settings.address();
        try (HttpConnection connection = HttpConnection.open(address)) {
            connection.send(head(address, body.length), body);
            HttpResponse head = connection.readHead();
            byte[] reply = connection.readBody(head);
            if (head.status() != 200) {
                // the reference's ServerProxy always names http://127.0.0.1, whatever the serverurl
                String text = "<ProtocolError for 127.0.0.1/RPC2: " + head.status() + " " + head.reason() + ">";
                if (head.status() == 401) {
                    throw new AuthenticationRequired(text);
                }
                throw new ClientError("xmlrpc.client.ProtocolError", text);
            }
            return XmlRpcReader.parseResponse(reply);
        } catch (EOFException e) {
            throw new ClientError("http.client.RemoteDisconnected", "Remote end closed connection without response", e);
        } catch (IOException e) {
            throw new ClientError("OSError", String.valueOf(e.getMessage()), e);
        } catch (MalformedReply e) {
            throw new ClientError("xml.parsers.expat.ExpatError", e.getMessage(), e);
        }
    }

    private String head(ServerAddress address, int length) {
        StringBuilder head = new StringBuilder(256)
                .append("POST /RPC2 HTTP/1.1\r\n")
                .append("Host: ").append(address.isUnix() ? "localhost" : "127.0.0.1").append("\r\n")
                .append("Accept-Encoding: identity\r\n")
                .append("User-Agent: jsupervisor-supervisorctl\r\n")
                .append("Content-Type: text/xml\r\n")
                .append("Accept: text/xml\r\n")
                .append("Connection: close\r\n");
        String authorization = basicAuth(settings.username(), settings.password());
        if (authorization != null) {
            head.append("Authorization: ").append(authorization).append("\r\n");
        }
        return head.append("Content-Length: ").append(length).append("\r\n\r\n").toString();
    }

    /** {@code Basic base64(user:password)}, or null unless both are set. */
    static String basicAuth(String username, String password) {
        if (username == null || password == null) {
            return null;
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
