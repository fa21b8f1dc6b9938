package io.jsupervisor.ctl.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.AuthenticationRequired;
import io.jsupervisor.ctl.shell.ClientError;
import io.jsupervisor.ctl.shell.ConnectionFailure;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP side of a call, against real sockets: what the server answers becomes what the reference raises. */
class XmlRpcClientTest {
    private static final String OK_HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\n";

    private static XmlRpcClient client(String url, String user, String password) {
        return new XmlRpcClient(new ServerSettings(ServerAddress.parse(url), user, password));
    }

    private static byte[] xml(String value) {
        return ("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n<value>" + value
                + "</value>\n</param>\n</params>\n</methodResponse>\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sendsBasicAuthAndReadsAChunkedReply() throws Exception {
        byte[] body = xml("<string>3.0</string>");
        String chunked = Integer.toHexString(10) + "\r\n" + new String(body, 0, 10, StandardCharsets.UTF_8) + "\r\n"
                + Integer.toHexString(body.length - 10) + "\r\n"
                + new String(body, 10, body.length - 10, StandardCharsets.UTF_8) + "\r\n0\r\n\r\n";
        try (CannedHttpServer server = CannedHttpServer.answering(OK_HEAD + "Transfer-Encoding: chunked\r\n\r\n",
                chunked.getBytes(StandardCharsets.UTF_8))) {
            assertEquals("3.0", client(server.url(), "user", "123").call("supervisor.getVersion"));
            String request = server.requests.get(0);
            assertTrue(request.startsWith("POST /RPC2 HTTP/1.1\r\n"), request);
            assertTrue(request.contains("Authorization: Basic dXNlcjoxMjM=\r\n"), request);
        }
    }

    @Test
    void unauthorizedIsTheReferencesProtocolError() throws Exception {
        try (CannedHttpServer server = CannedHttpServer.answering(
                "HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n", new byte[0])) {
            AuthenticationRequired e = assertThrows(AuthenticationRequired.class,
                    () -> client(server.url(), null, null).call("supervisor.getVersion"));
            assertEquals("<ProtocolError for 127.0.0.1/RPC2: 401 Unauthorized>", e.value());
        }
    }

    @Test
    void hugeDeclaredBodyIsRefusedBeforeReading() throws Exception {
        try (CannedHttpServer server = CannedHttpServer.answering(OK_HEAD + "Content-Length: 99999999999\r\n\r\n",
                new byte[0])) {
            ClientError e = assertThrows(ClientError.class,
                    () -> client(server.url(), null, null).call("supervisor.getVersion"));
            assertTrue(e.value().contains("refused"), e.value());
        }
    }

    @Test
    void endlessHeaderIsRefused() throws Exception {
        byte[] endless = ("HTTP/1.1 200 OK\r\nX: " + "y".repeat(HttpConnection.MAX_HEADER + 10))
                .getBytes(StandardCharsets.ISO_8859_1);
        try (CannedHttpServer server = new CannedHttpServer(endless)) {
            assertThrows(ClientError.class, () -> client(server.url(), null, null).call("supervisor.getVersion"));
        }
    }

    @Test
    void notXmlBecomesTheExpatError() throws Exception {
        byte[] body = "<html>Error code 400.".getBytes(StandardCharsets.UTF_8);
        try (CannedHttpServer server = CannedHttpServer.answering(OK_HEAD + "Content-Length: " + body.length
                + "\r\n\r\n", body)) {
            ClientError e = assertThrows(ClientError.class,
                    () -> client(server.url(), null, null).call("supervisor.getVersion"));
            assertEquals("xml.parsers.expat.ExpatError", e.pythonClass());
        }
    }

    @Test
    void faultsBecomeTheApisExceptionsWithTheServersText() throws Exception {
        byte[] body = ("<?xml version='1.0'?><methodResponse><fault><value><struct>"
                + "<member><name>faultCode</name><value><int>10</int></value></member>"
                + "<member><name>faultString</name><value><string>BAD_NAME: foo</string></value></member>"
                + "</struct></value></fault></methodResponse>").getBytes(StandardCharsets.UTF_8);
        try (CannedHttpServer server = CannedHttpServer.answering(OK_HEAD + "Content-Length: " + body.length
                + "\r\n\r\n", body)) {
            RemoteProcessManager manager = new RemoteProcessManager(client(server.url(), null, null));
            SupervisorException e = assertThrows(SupervisorException.class, () -> manager.processInfo("foo"));
            assertEquals(Fault.BAD_NAME, e.fault());
            assertEquals("BAD_NAME: foo", e.getMessage());
        }
    }

    @Test
    void refusedConnectionAndMissingSocketAreToldApart(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        ConnectionFailure refused = assertThrows(ConnectionFailure.class,
                () -> client("http://127.0.0.1:" + port, null, null).call("supervisor.getVersion"));
        assertEquals(ConnectionFailure.Kind.REFUSED, refused.kind());
        ConnectionFailure missing = assertThrows(ConnectionFailure.class,
                () -> client("unix://" + dir.resolve("none.sock"), null, null).call("supervisor.getVersion"));
        assertEquals(ConnectionFailure.Kind.NO_SUCH_FILE, missing.kind());
    }
}
