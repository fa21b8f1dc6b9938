package io.jsupervisor.web.ui.internal;

import static io.jsupervisor.web.ui.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.ProcessState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code log.txt}: the log viewer's reads by offset, and how it starts over. */
class LogDataServletTest {
    @TempDir
    Path dir;
    private final FakeProcessManager pm = new FakeProcessManager().with(process("foo", "foo", ProcessState.RUNNING, "x"));
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private TestServer server;
    private Path out;

    @BeforeEach
    void start() throws Exception {
        out = dir.resolve("out.log");
        pm.logFiles.put("foo STDOUT", out);
        server = new TestServer().servlet(new LogDataServlet(pm), "/log.txt").start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String query) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url("/log.txt?" + query)))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }

    @Test
    void readsFromTheOffsetAndSaysWhereToGoOn() throws Exception {
        Files.writeString(out, "abc\n");
        HttpResponse<String> first = get("processname=foo");
        assertEquals("abc\n", first.body());
        assertEquals("4", header(first, "X-Log-Offset"));
        assertEquals("1", header(first, "X-Log-Reset"));
        Files.writeString(out, "def\n", StandardOpenOption.APPEND);
        HttpResponse<String> next = get("processname=foo&offset=4");
        assertEquals("def\n", next.body());
        assertEquals("8", header(next, "X-Log-Offset"));
        assertEquals("", header(next, "X-Log-Reset"));
        assertEquals("", get("processname=foo&offset=8").body());
    }

    @Test
    void aShorterFileStartsOverAndTheFirstReadIsTheTail() throws Exception {
        Files.writeString(out, "x".repeat(LogDataServlet.FIRST_CHUNK + 10));
        HttpResponse<String> first = get("processname=foo");
        assertEquals(LogDataServlet.FIRST_CHUNK, first.body().length());
        Files.writeString(out, "cleared\n");
        HttpResponse<String> after = get("processname=foo&offset=" + (LogDataServlet.FIRST_CHUNK + 10));
        assertEquals("cleared\n", after.body());
        assertEquals("1", header(after, "X-Log-Reset"));
    }

    @Test
    void unknownProcessOrNoLogFileIsNotFound() throws Exception {
        assertEquals(404, get("processname=nope").statusCode());
        HttpResponse<String> noFile = get("processname=foo&channel=stderr");
        assertEquals(404, noFile.statusCode());
        assertEquals("No file for foo", noFile.body());
        assertEquals(400, get("channel=stdout").statusCode());
        assertTrue(LogDataServlet.offset("-5") < 0 && LogDataServlet.offset("1e3") < 0 && LogDataServlet.offset("12") == 12);
    }
}
