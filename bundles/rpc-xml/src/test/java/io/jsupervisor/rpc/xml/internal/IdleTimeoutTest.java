package io.jsupervisor.rpc.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replies held longer than Jetty's idle timeout (Felix's default is 60 s; startProcess waits for
 * startsecs, stopProcess for stopwaitsecs) and quiet log tails must survive it.
 */
class IdleTimeoutTest {
    @TempDir
    Path dir;
    private final FakeProcessManager pm = new FakeProcessManager();
    private TestServer server;
    private LogTailServlet logtail;

    @BeforeEach
    void start() throws Exception {
        logtail = new LogTailServlet(pm, false);
        server = new TestServer()
                .servlet(new RpcServlet(new MethodTable(pm).dispatcher(), () -> 1 << 20), "/RPC2")
                .servlet(logtail, "/logtail/*");
        server.connector.setIdleTimeout(300);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        logtail.stop();
        server.close();
    }

    @Test
    void aWaitingReplyOutlivesTheIdleTimeout() throws Exception {
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        pm.nextStart = started;
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return Python.run(server.url("/RPC2"), "print(s.supervisor.startProcess('foo'))");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Wait.until(() -> pm.calls().contains("startProcess foo true"));
        assertThrows(TimeoutException.class, () -> answer.get(1200, TimeUnit.MILLISECONDS));
        started.complete(true);
        assertEquals("True", answer.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aQuietLogTailOutlivesTheIdleTimeout() throws Exception {
        Path out = dir.resolve("foo.out");
        pm.logFiles.put("foo/stdout", out);
        Files.writeString(out, "first\n");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /logtail/foo HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertTrue(Http.readUntil(s, r -> r.contains("first\n"), Duration.ofSeconds(10)).contains("first"));
            String quiet = Http.readUntil(s, r -> !r.isEmpty(), Duration.ofMillis(1200));
            assertEquals("", quiet, "nothing but silence while the file does not change");
            Files.writeString(out, "later\n", StandardOpenOption.APPEND);
            assertTrue(Http.readUntil(s, r -> r.contains("later"), Duration.ofSeconds(10)).contains("later\n"));
        }
    }
}
