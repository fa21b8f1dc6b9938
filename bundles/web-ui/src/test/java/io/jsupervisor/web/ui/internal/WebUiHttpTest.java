package io.jsupervisor.web.ui.internal;

import static io.jsupervisor.web.ui.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The UI's servlets in a real Jetty, mapped the way the whiteboard maps them, next to rpc-xml's paths. */
class WebUiHttpTest {
    private final FakeProcessManager pm = new FakeProcessManager().with(
            process("foo", "foo", ProcessState.STOPPED, "Not started"),
            process("grp", "<script>x</script>", ProcessState.RUNNING, "pid 77, uptime 0:01:40"));
    private final StatusServlet status = new StatusServlet(pm);
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private TestServer server;

    /** Stands for rpc-xml's servlets: answers with its own name. */
    static final class Named extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
            resp.setContentType("text/plain");
            resp.getWriter().print(name);
        }
    }

    @BeforeEach
    void start() throws Exception {
        server = new TestServer()
                .servlet(status, "/", "/index.html")
                .servlet(new StatusJsonServlet(pm), "/status.json")
                .servlet(new TailServlet(pm), "/tail.html")
                .servlet(new OkServlet(), "/ok.html")
                .servlet(new Named("rpc"), "/RPC2")
                .servlet(new Named("logtail"), "/logtail/*")
                .servlet(new Named("mainlogtail"), "/mainlogtail", "/mainlogtail/*")
                .start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(server.url(path))).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void rootAndIndexServeTheStatusPageWithNoCacheHeaders() throws Exception {
        for (String path : List.of("/", "/index.html")) {
            HttpResponse<String> r = get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals("text/html;charset=utf-8", r.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
            assertEquals("no-cache", r.headers().firstValue("Cache-Control").orElse(""));
            assertEquals("no-cache", r.headers().firstValue("Pragma").orElse(""));
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"));
            assertTrue(r.body().contains("<title>Supervisor Status</title>"));
            assertTrue(r.body().contains("grp:&lt;script&gt;x&lt;/script&gt;"));
            assertFalse(r.body().contains("<script>x"));
        }
    }

    @Test
    void unknownPathsAre404AndRpcPathsStillReachTheirServlets() throws Exception {
        assertEquals(404, get("/nope").statusCode());
        assertEquals(404, get("/index.htm").statusCode());
        assertEquals(404, post("/nope", "csrf=" + status.token() + "&action=stopall").statusCode());
        HttpResponse<String> put = client.send(HttpRequest.newBuilder(URI.create(server.url("/nope")))
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(404, put.statusCode());
        assertEquals(404, get("/index.html/more").statusCode());
        assertEquals("rpc", get("/RPC2").body());
        assertEquals("logtail", get("/logtail/foo/stderr").body());
        assertEquals("mainlogtail", get("/mainlogtail").body());
        assertEquals(List.of(), pm.calls());
    }

    @Test
    void getWithActionOnlyShowsThePage() throws Exception {
        HttpResponse<String> r = get("/index.html?processname=foo&action=start");
        assertEquals(200, r.statusCode());
        assertEquals(List.of(), pm.calls());
    }

    @Test
    void postWithoutOrWithWrongTokenIsForbiddenAndDoesNothing() throws Exception {
        assertEquals(403, post("/index.html", "processname=foo&action=start").statusCode());
        assertEquals(403, post("/", "csrf=wrong&processname=foo&action=start").statusCode());
        assertEquals(403, post("/", "csrf=&action=stopall").statusCode());
        assertEquals(List.of(), pm.calls());
    }

    @Test
    void theUpdateChangedButtonRunsTheFinerUpdate() throws Exception {
        assertTrue(get("/").body().contains("name=\"action\" value=\"updatechanged\""), "the page has the button");
        HttpResponse<String> r = post("/", "csrf=" + status.token() + "&action=updatechanged");
        assertEquals(303, r.statusCode());
        assertTrue(r.headers().firstValue("Location").orElse("").startsWith("/?message=No%20config%20updates"),
                r.headers().toString());
        assertEquals(List.of("updateChangedOnly"), pm.calls());
    }

    @Test
    void postWithTheTokenFromThePageRunsTheActionAndRedirectsWithTheMessage() throws Exception {
        String page = get("/").body();
        String token = status.token();
        assertTrue(page.contains("name=\"csrf\" value=\"" + token + "\""), "the page carries the token");
        HttpResponse<String> r = post("/index.html", "csrf=" + token + "&processname=foo&action=start");
        assertEquals(303, r.statusCode());
        assertEquals("/?message=Process%20foo%20started", r.headers().firstValue("Location").orElse(""));
        assertEquals(List.of("startProcess foo true"), pm.calls());
        HttpResponse<String> shown = get("/?message=Process%20foo%20started");
        assertTrue(shown.body().contains("class=\"status_msg\">Process foo started</div>"));
    }

    @Test
    void postAnswersOnlyWhenAWaitingStartCompletes() throws Exception {
        CompletableFuture<Boolean> start = new CompletableFuture<>();
        pm.startAnswer = start;
        CompletableFuture<HttpResponse<String>> r = client.sendAsync(
                HttpRequest.newBuilder(URI.create(server.url("/"))).timeout(Duration.ofSeconds(20))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("csrf=" + status.token() + "&processname=foo&action=start"))
                        .build(), HttpResponse.BodyHandlers.ofString());
        Wait.until(() -> pm.calls().contains("startProcess foo true"));
        assertFalse(r.isDone());
        start.completeExceptionally(new SupervisorException(Fault.ABNORMAL_TERMINATION, "foo"));
        HttpResponse<String> done = r.get();
        assertEquals(303, done.statusCode());
        assertEquals("/?message=ERROR%3A%20Process%20foo%3A%20abnormal%20termination",
                done.headers().firstValue("Location").orElse(""));
    }

    @Test
    void postWithUnknownActionIs400() throws Exception {
        assertEquals(400, post("/", "csrf=" + status.token() + "&action=shutdown").statusCode());
        assertEquals(400, post("/", "csrf=" + status.token() + "&action=start").statusCode());
        assertEquals(List.of(), pm.calls());
    }

    @Test
    void okHtmlIsPlainOk() throws Exception {
        HttpResponse<String> r = get("/ok.html");
        assertEquals(200, r.statusCode());
        assertEquals("OK", r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
    }

    @Test
    void statusJsonListsTheProcesses() throws Exception {
        HttpResponse<String> r = get("/status.json");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(r.body().contains("\"namespec\":\"foo\""));
        assertTrue(r.body().contains("\"namespec\":\"grp:\\u003cscript\\u003ex\\u003c/script\\u003e\""));
    }

    @Test
    void tailShowsAtLeast1024BytesOfStdoutEscaped() throws Exception {
        byte[] log = ("x".repeat(3000) + "<script>alert(1)</script>\n").getBytes(StandardCharsets.US_ASCII);
        pm.stdout = log;
        HttpResponse<String> r = get("/tail.html?processname=foo&limit=20");
        assertEquals(200, r.statusCode());
        assertTrue(pm.calls().contains("readProcessLog foo STDOUT -1024 0"), pm.calls().toString());
        assertTrue(r.body().contains("&lt;script&gt;alert(1)&lt;/script&gt;\n</pre>"));
        assertFalse(r.body().contains("<script>alert"));
        assertTrue(r.body().contains("limit=1024\""));
        assertTrue(get("/tail.html").body().contains(">No process name found</pre>"));
        assertTrue(get("/tail.html?processname=nobody").body().contains(">ERROR: unexpected rpc fault [10] BAD_NAME: nobody</pre>"));
        pm.logFailure = new SupervisorException(Fault.NO_FILE, "foo");
        assertTrue(get("/tail.html?processname=foo").body().contains(">No file for foo</pre>"));
    }
}
