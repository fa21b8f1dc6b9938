package io.jsupervisor.rpc.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.UnixHttpServerSpec;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The [unix_http_server] socket: creation, permissions, stale files, auth, and supervisorctl over it. */
class UnixSocketServerTest {
    @TempDir
    Path dir;
    private final FakeProcessManager pm = new FakeProcessManager();

    private UnixSocketComponent start(Path sock, int chmod, String user, String pass) throws Exception {
        pm.config = new SupervisorConfig(dir.resolve("s.conf"), null, List.of(),
                List.of(new UnixHttpServerSpec("unix_http_server", sock.toString(), chmod, -1, -1, user, pass)),
                null, List.of(), List.of(), List.of());
        return new UnixSocketComponent(pm, config());
    }

    private static RpcConfig config() {
        return new RpcConfig() {
            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return RpcConfig.class;
            }

            @Override
            public long max_request_bytes() {
                return 1 << 20;
            }
        };
    }

    /** One HTTP/1.0 exchange over the socket; returns everything the server sent. */
    private static String exchange(Path sock, String request) throws IOException {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(sock));
            ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8)));
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            while (ch.read(buf) >= 0 && buf.hasRemaining()) {
                // read until the server closes (HTTP/1.0)
            }
            return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
        }
    }

    private static String rpc(Path sock, String... headers) throws IOException {
        String body = "<methodCall><methodName>supervisor.getState</methodName></methodCall>";
        return exchange(sock, "POST /RPC2 HTTP/1.0\r\nContent-Type: text/xml\r\nContent-Length: " + body.length()
                + "\r\n" + String.join("", headers) + "\r\n" + body);
    }

    @Test
    void servesRpcOnTheSocketWithItsModeAndRemovesItOnStop() throws Exception {
        Path sock = dir.resolve("supervisor.sock");
        UnixSocketComponent c = start(sock, 0700, null, null);
        try {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)));
            String r = rpc(sock);
            assertTrue(r.startsWith("HTTP/1.1 200") || r.startsWith("HTTP/1.0 200"), r);
            assertTrue(r.contains("RUNNING"), r);
            try (var files = Files.list(dir)) {
                assertEquals(List.of("supervisor.sock"), files.map(p -> p.getFileName().toString()).toList(),
                        "no temporary <file>.<pid> name left behind");
            }
        } finally {
            c.deactivate();
        }
        assertFalse(Files.exists(sock), "socket removed on stop");
    }

    @Test
    void aBlankHostHeaderAsSupervisorctlTailSendsItIsAccepted() throws Exception {
        Path sock = dir.resolve("tail.sock");
        Path log = Files.writeString(dir.resolve("foo.log"), "hello from foo\n");
        pm.logFiles.put("foo/stdout", log);
        UnixSocketComponent c = start(sock, 0700, null, null);
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(sock));
            ch.write(ByteBuffer.wrap(("GET /logtail/foo HTTP/1.1\r\nHost: \r\nAccept-Encoding: chunked\r\n"
                    + "Accept: */*\r\n\r\n\r\n").getBytes(StandardCharsets.US_ASCII)));
            ByteBuffer buf = ByteBuffer.allocate(1 << 16);
            String got = "";
            while (!got.contains("hello from foo") && ch.read(buf) > 0) {
                got = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
            }
            assertTrue(got.startsWith("HTTP/1.1 200"), got);
            assertTrue(got.contains("hello from foo"), got);
        } finally {
            c.deactivate();
        }
    }

    @Test
    void aStaleSocketFileIsReplaced() throws Exception {
        Path sock = dir.resolve("stale.sock");
        try (ServerSocketChannel old = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            old.bind(UnixDomainSocketAddress.of(sock));
        } // closed: the file stays, nobody listens
        assertTrue(Files.exists(sock));
        UnixSocketComponent c = start(sock, 0770, null, null);
        try {
            assertTrue(rpc(sock).contains("RUNNING"));
            assertEquals("rwxrwx---", PosixFilePermissions.toString(Files.getPosixFilePermissions(sock)));
        } finally {
            c.deactivate();
        }
    }

    @Test
    void aLiveSocketOfAnotherServerIsLeftAloneAndStartFails() throws Exception {
        Path sock = dir.resolve("live.sock");
        try (ServerSocketChannel other = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            other.bind(UnixDomainSocketAddress.of(sock));
            assertThrows(IOException.class, () -> start(sock, 0700, null, null));
            assertTrue(Files.exists(sock), "the other server's socket is still there");
            try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                ch.connect(UnixDomainSocketAddress.of(sock)); // and still reaches the other server
            }
        }
    }

    @Test
    void theSocketUsesTheUnixSectionsCredentials() throws Exception {
        Path sock = dir.resolve("auth.sock");
        UnixSocketComponent c = start(sock, 0700, "user", "123");
        try {
            assertTrue(rpc(sock).startsWith("HTTP/1.1 401"), "no credentials");
            String auth = "Authorization: Basic " + Base64.getEncoder().encodeToString("user:123".getBytes()) + "\r\n";
            assertTrue(rpc(sock, auth).contains("RUNNING"));
        } finally {
            c.deactivate();
        }
    }

    @Test
    void chownAppliesNumericIdsWhenRoot() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root");
        Path sock = dir.resolve("owned.sock");
        pm.config = new SupervisorConfig(dir.resolve("s.conf"), null, List.of(),
                List.of(new UnixHttpServerSpec("unix_http_server", sock.toString(), 0770, 65534, 65534, null, null)),
                null, List.of(), List.of(), List.of());
        UnixSocketComponent c = new UnixSocketComponent(pm, config());
        try {
            assertEquals(65534, Files.getAttribute(sock, "unix:uid"));
            assertEquals(65534, Files.getAttribute(sock, "unix:gid"));
        } finally {
            c.deactivate();
        }
    }

    @Test
    void theRealSupervisorctlTalksOverTheSocket() throws Exception {
        Path ctl = Path.of("/usr/bin/supervisorctl");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(ctl), "reference supervisorctl installed");
        Path sock = dir.resolve("ctl.sock");
        UnixSocketComponent c = start(sock, 0700, null, null);
        try {
            Process p = new ProcessBuilder(ctl.toString(), "-s", "unix://" + sock, "status").redirectErrorStream(true)
                    .start();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(out.matches("(?s)foo\\s+RUNNING\\s+pid 77, uptime 0:01:40\\s*"), out);
            assertEquals(0, p.exitValue(), out);
        } finally {
            c.deactivate();
        }
    }
}
