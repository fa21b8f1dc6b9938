package io.jsupervisor.rpc.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /logtail and /mainlogtail: status codes, headers and following a real file. */
class LogTailTest {
    @TempDir
    Path dir;
    private final FakeProcessManager pm = new FakeProcessManager();
    private LogTailServlet logtail;
    private LogTailServlet mainlogtail;
    private TestServer server;
    private Path out;

    @BeforeEach
    void start() throws Exception {
        out = dir.resolve("foo.out");
        pm.logFiles.put("foo/stdout", out);
        pm.logFiles.put("grp:a/stderr", dir.resolve("a.err"));
        pm.mainLog = dir.resolve("supervisord.log");
        logtail = new LogTailServlet(pm, false);
        mainlogtail = new LogTailServlet(pm, true);
        server = new TestServer().servlet(logtail, "/logtail/*").servlet(mainlogtail, "/mainlogtail", "/mainlogtail/*")
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        logtail.stop();
        mainlogtail.stop();
        server.close();
    }

    private int status(String path) throws Exception {
        return Http.status(Http.exchange(server.port(),
                "GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", s -> false));
    }

    @Test
    void unknownNamesChannelsAndMissingFilesAre404() throws Exception {
        assertEquals(404, status("/logtail/nosuch"));
        assertEquals(404, status("/logtail/foo/stdin"));
        assertEquals(404, status("/logtail/foo/stderr")); // no file configured
        assertEquals(404, status("/logtail/grp:a/stderr")); // configured, not created yet
        assertEquals(404, status("/logtail/"));
        assertEquals(404, status("/mainlogtail"));
        assertEquals(400, Http.status(Http.post(server.port(), "/logtail/foo", "x")));
    }

    @Test
    void streamsTheLast1024BytesThenWhatIsAppended() throws Exception {
        String old = "x".repeat(2000) + "\n";
        Files.writeString(out, old);
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            // supervisorctl's tail -f sends a stray CRLF after the headers
            s.getOutputStream().write("GET /logtail/foo HTTP/1.1\r\nHost: x\r\nAccept-Encoding: chunked\r\n\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String head = Http.readUntil(s, r -> Http.body(r).contains("x".repeat(1023) + "\n"),
                    Duration.ofSeconds(10));
            assertTrue(head.startsWith("HTTP/1.1 200"), head);
            assertTrue(head.contains("Content-Type: text/plain;charset=utf-8"), head);
            assertTrue(head.contains("X-Accel-Buffering: no"), head);
            assertTrue(head.contains("Transfer-Encoding: chunked"), head);
            assertTrue(head.contains("Last-Modified: "), head);
            assertTrue(Http.body(head).contains("x".repeat(1023) + "\n"));
            assertFalse(Http.body(head).contains("x".repeat(1024)));

            Files.writeString(out, "appended-line\n", StandardOpenOption.APPEND);
            assertTrue(Http.readUntil(s, r -> r.contains("appended-line"), Duration.ofSeconds(10))
                    .contains("appended-line\n"));

            Files.writeString(out, "new\n"); // shrinks: truncated
            String after = Http.readUntil(s, r -> r.contains("new\n"), Duration.ofSeconds(10));
            assertTrue(after.contains("==> File truncated <==\n"), after);
            assertTrue(after.contains("new\n"), after);
        }
    }

    @Test
    void followsANewFileAfterRotation() throws Exception {
        Files.writeString(out, "first\n");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /logtail/foo/stdout HTTP/1.1\r\nHost: x\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertTrue(Http.readUntil(s, r -> r.contains("first\n"), Duration.ofSeconds(10)).contains("first\n"));
            Files.move(out, dir.resolve("foo.out.1"));
            Files.writeString(out, "rotated-and-longer-than-before\n");
            String after = Http.readUntil(s, r -> r.contains("rotated"), Duration.ofSeconds(10));
            assertTrue(after.contains("rotated-and-longer-than-before\n"), after);
        }
    }

    @Test
    void theMainLogTailHasNoAccelHeaderAndStopEndsTheStream() throws Exception {
        Files.writeString(pm.mainLog, "2026-11-24 10:00:00,000 INFO supervisord started with pid 1\n");
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /mainlogtail HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            String got = Http.readUntil(s, r -> r.contains("started with pid 1"), Duration.ofSeconds(10));
            assertTrue(got.startsWith("HTTP/1.1 200"), got);
            assertFalse(got.contains("X-Accel-Buffering"), got);
            mainlogtail.stop();
            String end = Http.readUntil(s, r -> r.endsWith("0\r\n\r\n"), Duration.ofSeconds(10));
            assertTrue(end.endsWith("0\r\n\r\n"), "the chunked stream ends: " + end);
        }
    }
}
