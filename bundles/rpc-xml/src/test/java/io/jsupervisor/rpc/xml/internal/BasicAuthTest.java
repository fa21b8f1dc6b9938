package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.config.HttpCredentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Basic auth in front of every endpoint, as the reference's [inet_http_server] username/password. */
class BasicAuthTest {
    private static final String GET_STATE = "<methodCall><methodName>supervisor.getState</methodName></methodCall>";

    private final FakeProcessManager pm = new FakeProcessManager();
    private TestServer server;

    private void start(String username, String password) throws Exception {
        pm.config = new SupervisorConfig(Path.of("/tmp/s.conf"), null,
                List.of(new InetHttpServerSpec("inet_http_server", "127.0.0.1", 9001, username, password)),
                List.of(), null, List.of(), List.of(), List.of());
        server = new TestServer()
                .filter(new BasicAuthFilter(ServerCredentials.inet(pm::configuration)))
                .servlet(new RpcServlet(new MethodTable(pm).dispatcher(), () -> 1 << 20), "/RPC2", "/RPC2/*")
                .servlet(new LogTailServlet(pm, false), "/logtail/*")
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private static String basic(String userPass) {
        return "Authorization: Basic " + Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    private int rpc(String... headers) throws Exception {
        return Http.status(Http.post(server.port(), "/RPC2", GET_STATE, headers));
    }

    @Test
    void withoutCredentialsConfiguredEverythingIsOpen() throws Exception {
        start(null, null);
        assertEquals(200, rpc());
    }

    @Test
    void aPlainPasswordIsRequiredAndChecked() throws Exception {
        start("admin", "s3cret");
        String r = Http.post(server.port(), "/RPC2", GET_STATE);
        assertEquals(401, Http.status(r));
        assertTrue(r.contains("WWW-Authenticate: Basic realm=\"default\""), r);
        assertEquals(401, rpc(basic("admin:wrong")));
        assertEquals(401, rpc(basic("nobody:s3cret")));
        assertEquals(401, rpc(basic("admin")));
        assertEquals(401, rpc("Authorization: Digest abc"));
        assertEquals(200, rpc(basic("admin:s3cret")));
        assertEquals(200, rpc("authorization: bAsIc " + basic("admin:s3cret").substring(21)));
    }

    @Test
    void aShaPasswordAcceptsTheClearPasswordNotTheHash() throws Exception {
        start("admin", "{SHA}82ab876d1387bfafe46cc1c8a2ef074eae50cb1d");
        assertEquals(200, rpc(basic("admin:thepassword")));
        assertEquals(401, rpc(basic("admin:{SHA}82ab876d1387bfafe46cc1c8a2ef074eae50cb1d")));
    }

    @Test
    void undecodableBase64Is400() throws Exception {
        start("admin", "s3cret");
        assertEquals(400, rpc("Authorization: Basic !!!not-base64!!!"));
    }

    @Test
    void theLogTailNeedsCredentialsToo() throws Exception {
        start("admin", "s3cret");
        String r = Http.exchange(server.port(), "GET /logtail/foo HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                s -> false);
        assertEquals(401, Http.status(r));
        String ok = Http.exchange(server.port(), "GET /logtail/nosuch HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                + basic("admin:s3cret") + "\r\n\r\n", s -> false);
        assertEquals(404, Http.status(ok));
    }

    @Test
    void pythonsClientAuthenticatesWithUserInfoInTheUrl() throws Exception {
        start("admin", "s3cret");
        String url = "http://admin:s3cret@127.0.0.1:" + server.port() + "/RPC2";
        assertEquals("RUNNING", Python.run(url, "print(s.supervisor.getState()['statename'])"));
        String bad = "http://admin:nope@127.0.0.1:" + server.port() + "/RPC2";
        assertEquals("401", Python.run(bad, """
                try:
                    s.supervisor.getState()
                except xmlrpc.client.ProtocolError as e:
                    print(e.errcode)"""));
    }

    @Test
    void credentialComparisonMatchesOnlyExactValues() {
        HttpCredentials c = new HttpCredentials("admin", "pw");
        assertTrue(c.accepts("admin", "pw"));
        assertFalse(c.accepts("admin", "pw "));
        assertFalse(c.accepts("admin ", "pw"));
        assertFalse(c.accepts("", ""));
    }
}
