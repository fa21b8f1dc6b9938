package io.jsupervisor.rpc.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTTP behaviour of /RPC2 and its hardening, with raw requests. */
class RpcHttpTest {
    private static final String GET_STATE = "<?xml version='1.0'?><methodCall><methodName>supervisor.getState"
            + "</methodName><params></params></methodCall>";
    private static final long LIMIT = 4096;

    private final FakeProcessManager pm = new FakeProcessManager();
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        RpcServlet servlet = new RpcServlet(new MethodTable(pm).dispatcher(), () -> LIMIT);
        server = new TestServer().servlet(servlet, "/RPC2", "/RPC2/*").start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String post(String body) throws Exception {
        return Http.post(server.port(), "/RPC2", body);
    }

    private void assertStillServing() throws Exception {
        String r = post(GET_STATE);
        assertEquals(200, Http.status(r), r);
        assertTrue(Http.body(r).contains("RUNNING"));
    }

    @Test
    void aCallAnswers200TextXmlWithContentLength() throws Exception {
        String r = post(GET_STATE);
        assertEquals(200, Http.status(r));
        assertTrue(r.contains("Content-Type: text/xml\r\n"), r);
        String body = Http.body(r);
        assertTrue(r.contains("Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length), r);
        assertTrue(body.contains("<name>statename</name><value><string>RUNNING</string></value>"), body);
    }

    @Test
    void theMatchIsAPrefixMatch() throws Exception {
        assertEquals(200, Http.status(Http.post(server.port(), "/RPC2/anything", GET_STATE)));
    }

    @Test
    void otherMethodsThanPostAre400() throws Exception {
        String r = Http.exchange(server.port(), "GET /RPC2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", s -> false);
        assertEquals(400, Http.status(r));
    }

    @Test
    void aBodyWithoutContentLengthIs411() throws Exception {
        String r = Http.exchange(server.port(), "POST /RPC2 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n<a/>\n\r\n0\r\n\r\n", s -> false);
        assertEquals(411, Http.status(r));
    }

    @Test
    void anOversizeBodyIs413BeforeItIsSent() throws Exception {
        // only the headers go out: the answer must come without the body being read
        String r = Http.exchange(server.port(), "POST /RPC2 HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
                + "Content-Length: " + (100L * 1024 * 1024) + "\r\n\r\n<methodCall>", s -> s.contains("\r\n\r\n"));
        assertEquals(413, Http.status(r));
        assertStillServing();
    }

    @Test
    void aBodyJustAtTheLimitIsServed() throws Exception {
        String padded = GET_STATE + " ".repeat((int) LIMIT - GET_STATE.length());
        assertEquals(200, Http.status(post(padded)));
        assertEquals(413, Http.status(post(padded + " ")));
    }

    @Test
    void malformedXmlAndMissingMethodNamesAre400() throws Exception {
        for (String body : new String[] {"<<<", "this is not xml", "",
                "<methodCall><methodName>supervisor.getState</methodName><params>",
                "<methodCall><params></params></methodCall>", "<methodCall><methodName></methodName></methodCall>",
                "<notACall><methodName>supervisor.getState</methodName></notACall>",
                "<methodCall><methodName>supervisor.getState</methodName><params><param><value><int>x</int>"
                        + "</value></param></params></methodCall>"}) {
            assertEquals(400, Http.status(post(body)), body);
        }
        assertStillServing();
    }

    @Test
    void aDoctypeIsRefusedAndNoExternalDtdOrEntityIsFetched(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET");
        try (ServerSocket listener = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            String dtd = "http://127.0.0.1:" + listener.getLocalPort() + "/evil.dtd";
            String[] attacks = {
                "<?xml version='1.0'?><!DOCTYPE methodCall SYSTEM \"" + dtd + "\"><methodCall><methodName>"
                        + "supervisor.getState</methodName></methodCall>",
                "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]><methodCall>"
                        + "<methodName>supervisor.getProcessInfo</methodName><params><param><value><string>&x;"
                        + "</string></value></param></params></methodCall>",
                "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY % p SYSTEM \"" + dtd + "\"> %p;]><methodCall>"
                        + "<methodName>supervisor.getState</methodName></methodCall>",
                "<?xml version='1.0'?><!DOCTYPE m [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                        + "<methodCall><methodName>supervisor.getState</methodName></methodCall>",
            };
            for (String attack : attacks) {
                String r = post(attack);
                assertEquals(400, Http.status(r), attack);
                assertFalse(r.contains("TOP-SECRET"));
            }
            listener.setSoTimeout(300);
            assertThrows(SocketTimeoutException.class, listener::accept, "the server fetched the DTD");
        }
        assertStillServing();
    }

    @Test
    void extensionTypesAreRefused() throws Exception {
        String ex = "<methodCall xmlns:ex=\"http://ws.apache.org/xmlrpc/namespaces/extensions\">"
                + "<methodName>supervisor.getProcessInfo</methodName><params><param><value>%s</value></param>"
                + "</params></methodCall>";
        for (String value : new String[] {"<ex:serializable>rO0ABXQAA2Zvbw==</ex:serializable>", "<ex:nil/>",
                "<ex:i8>1</ex:i8>", "<nil/>", "<i8>1</i8>", "<ex:dom><a/></ex:dom>"}) {
            assertEquals(400, Http.status(post(String.format(ex, value))), value);
        }
        assertStillServing();
    }
}
