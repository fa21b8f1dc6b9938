package io.jsupervisor.rpc.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.UnixHttpServerSpec;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unix socket serves the servlets registered on the HTTP whiteboard (the web UI), as the inet port does. */
class UnixSocketWhiteboardTest {
    @TempDir
    Path dir;
    private final FakeProcessManager pm = new FakeProcessManager();
    private UnixSocketComponent component;

    /** Answers with the mapping it saw, so the test sees servlet path and path info. */
    private static final class EchoServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final String name;

        EchoServlet(String name) {
            this.name = name;
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print(name + " servletPath=" + req.getServletPath() + " pathInfo=" + req.getPathInfo());
        }
    }

    private Path start(String user, String pass) throws Exception {
        Path sock = dir.resolve("s.sock");
        pm.config = new SupervisorConfig(dir.resolve("s.conf"), null, List.of(),
                List.of(new UnixHttpServerSpec("unix_http_server", sock.toString(), 0700, -1, -1, user, pass)),
                null, List.of(), List.of(), List.of());
        component = new UnixSocketComponent(pm, new RpcConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return RpcConfig.class;
            }

            @Override
            public long max_request_bytes() {
                return 1 << 20;
            }
        });
        return sock;
    }

    @AfterEach
    void stop() throws Exception {
        if (component != null) {
            component.deactivate();
        }
    }

    private static String get(Path sock, String path, String... headers) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(sock));
            ch.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\n" + String.join("", headers) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            while (ch.read(buf) >= 0 && buf.hasRemaining()) {
                // HTTP/1.0: until the server closes
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> whiteboard(long id, String... patterns) {
        return Map.of("service.id", id, WhiteboardRouter.PATTERN, patterns);
    }

    @Test
    void aWhiteboardServletAnswersOnTheSocketWithItsMapping() throws Exception {
        Path sock = start(null, null);
        component.addServlet(new EchoServlet("status"), whiteboard(1L, "/", "/index.html"));
        component.addServlet(new EchoServlet("files"), whiteboard(2L, "/files/*"));
        component.addServlet(new EchoServlet("json"), Map.of("service.id", 3L, WhiteboardRouter.PATTERN, "*.json"));

        assertTrue(get(sock, "/").endsWith("status servletPath=/ pathInfo=null"), get(sock, "/"));
        assertTrue(get(sock, "/index.html").endsWith("status servletPath=/index.html pathInfo=null"));
        assertTrue(get(sock, "/files/a/b").endsWith("files servletPath=/files pathInfo=/a/b"));
        assertTrue(get(sock, "/files").endsWith("files servletPath=/files pathInfo=null"));
        assertTrue(get(sock, "/x/status.json").endsWith("json servletPath=/x/status.json pathInfo=null"));
        // the default servlet takes what nothing more specific matches, as on the whiteboard
        assertTrue(get(sock, "/nothing/else").endsWith("status servletPath=/nothing/else pathInfo=null"));
        // our own endpoints keep their servlets
        assertTrue(get(sock, "/RPC2").startsWith("HTTP/1.1 400"), get(sock, "/RPC2"));
    }

    @Test
    void anUnregisteredServletIsGoneAndWithoutDefaultThePathIs404() throws Exception {
        Path sock = start(null, null);
        EchoServlet page = new EchoServlet("page");
        component.addServlet(page, whiteboard(5L, "/page.html"));
        assertTrue(get(sock, "/page.html").startsWith("HTTP/1.1 200"));
        component.removeServlet(page, whiteboard(5L, "/page.html"));
        assertTrue(get(sock, "/page.html").startsWith("HTTP/1.1 404"), get(sock, "/page.html"));
    }

    @Test
    void aServletOfAnotherServletContextIsNotServed() throws Exception {
        Path sock = start(null, null);
        component.addServlet(new EchoServlet("console"), Map.of("service.id", 6L, WhiteboardRouter.PATTERN, "/console",
                WhiteboardRouter.CONTEXT_SELECT, "(osgi.http.whiteboard.context.name=webconsole)"));
        component.addServlet(new EchoServlet("mine"), Map.of("service.id", 7L, WhiteboardRouter.PATTERN, "/mine",
                WhiteboardRouter.CONTEXT_SELECT, "(osgi.http.whiteboard.context.name=default)"));
        assertTrue(get(sock, "/console").startsWith("HTTP/1.1 404"));
        assertTrue(get(sock, "/mine").endsWith("mine servletPath=/mine pathInfo=null"));
    }

    @Test
    void pagesOnTheSocketNeedTheUnixSectionsCredentials() throws Exception {
        Path sock = start("chris", "{SHA}82ab876d1387bfafe46cc1c8a2ef074eae50cb1d");
        component.addServlet(new EchoServlet("status"), whiteboard(1L, "/"));
        String anonymous = get(sock, "/");
        assertTrue(anonymous.startsWith("HTTP/1.1 401"), anonymous);
        assertTrue(anonymous.contains("WWW-Authenticate: Basic realm=\"default\""), anonymous);
        String auth = "Authorization: Basic "
                + Base64.getEncoder().encodeToString("chris:thepassword".getBytes(StandardCharsets.UTF_8)) + "\r\n";
        String page = get(sock, "/", auth);
        assertEquals("status servletPath=/ pathInfo=null", page.substring(page.indexOf("\r\n\r\n") + 4));
    }
}
