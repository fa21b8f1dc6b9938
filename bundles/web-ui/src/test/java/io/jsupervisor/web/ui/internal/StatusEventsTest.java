package io.jsupervisor.web.ui.internal;

import static io.jsupervisor.web.ui.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.ProcessState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /status.events}: a snapshot at once, another when something changes, end of stream on stop. */
class StatusEventsTest {
    private final FakeProcessManager pm = new FakeProcessManager().with(
            process("foo", "foo", ProcessState.STOPPED, "Not started"));
    private final StatusEventsServlet events = new StatusEventsServlet(pm, 50);
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer().servlet(events, "/status.events").start();
    }

    @AfterEach
    void stop() throws Exception {
        events.stop();
        server.close();
    }

    /** Reads until {@code done} accepts the text so far, the stream ends, or 20 s pass. */
    private static String readUntil(InputStream in, ByteArrayOutputStream got, Predicate<String> done) throws IOException {
        return readUntil(in, got, done, new boolean[1]);
    }

    /** As above; {@code closed[0]} tells whether the server closed the connection. */
    private static String readUntil(InputStream in, ByteArrayOutputStream got, Predicate<String> done,
                                    boolean[] closed) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        byte[] buf = new byte[4096];
        while (Instant.now().isBefore(deadline) && !done.test(got.toString(StandardCharsets.UTF_8))) {
            int n;
            try {
                n = in.read(buf);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (n < 0) {
                closed[0] = true;
                break;
            }
            got.write(buf, 0, n);
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    @Test
    void streamSendsTheStatusAtOnceThenChangesThenEndsWhenStopped() throws Exception {
        URI uri = URI.create(server.url("/status.events"));
        try (Socket s = new Socket(uri.getHost(), uri.getPort())) {
            s.setSoTimeout(200);
            s.getOutputStream().write(("GET /status.events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            String first = readUntil(in, got, t -> t.contains("Not started"));
            assertTrue(first.startsWith("HTTP/1.1 200"), first);
            assertTrue(first.toLowerCase().contains("content-type: text/event-stream"), first);
            assertTrue(first.contains("data: {\"supervisorVersion\":\"4.2.5\""), first);
            Wait.until(() -> events.listenerCount() == 1);

            pm.with(process("foo", "foo", ProcessState.RUNNING, "pid 5, uptime 0:00:01"));
            String second = readUntil(in, got, t -> t.contains("pid 5, uptime"));
            assertTrue(second.contains("\"state\":\"running\""), second);
            assertEquals(2, second.split("data: \\{", -1).length - 1, "one event per change, none while unchanged");

            events.stop();
            Wait.until(() -> events.listenerCount() == 0);
            boolean[] closed = new boolean[1];
            String end = readUntil(in, got, t -> t.endsWith("\r\n0\r\n\r\n"), closed);
            // ended either by the last chunk or, when the server is stopping under load, by closing
            assertTrue(end.endsWith("\r\n0\r\n\r\n") || closed[0], "the response ended: " + end);
        }
    }
}
