package io.jsupervisor.web.ui.internal;

import static io.jsupervisor.web.ui.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.ProcessState;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Web Console tab's servlet mapped as the console reaches it ({@code /system/console/*}, not async): the
 * fragment on GET, the JSON for the live refresh, actions with the form token. (The real console around it is
 * in the itests.)
 */
class ConsolePluginHttpTest {
    private final FakeProcessManager pm = new FakeProcessManager().with(
            process("foo", "foo", ProcessState.RUNNING, "pid 77, uptime 0:00:05"),
            process("grp", "<b>x</b>", ProcessState.STOPPED, "Not started"));
    private final ConsolePluginServlet plugin = new ConsolePluginServlet(pm);
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new TestServer().servlet(plugin, false, "/system/console/*").start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> post(String form) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(server.url("/system/console/jsupervisor")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    @Test
    void tabIsTheStatusTableWithFormsPostingToTheTabAndLinksToTheWebUi() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.url("/system/console/jsupervisor?message=%3Ci%3Ehi"))));
        assertEquals(200, r.statusCode());
        String html = r.body();
        assertFalse(html.contains("<html"), "a fragment: the console writes the page around it");
        assertTrue(html.contains("<div id=\"jsupervisor\" class=\"jsv\" data-ui=\"/\" data-data=\"/system/console/jsupervisor/\""
                + " data-action=\"/system/console/jsupervisor\">"), html);
        assertTrue(html.contains("<form method=\"post\" action=\"/system/console/jsupervisor\">"));
        assertTrue(html.contains("name=\"csrf\" value=\"" + plugin.token() + "\""));
        assertTrue(html.contains("<a href=\"/tail.html?processname=grp%3A%3Cb%3Ex%3C%2Fb%3E\""), html);
        assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"));
        assertTrue(html.contains("<div id=\"statusmessage\" class=\"status_msg\">&lt;i&gt;hi</div>"));
        assertFalse(html.contains("<b>x"));
    }

    @Test
    void statusJsonUnderTheTabFeedsTheLiveRefresh() throws Exception {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(server.url("/system/console/jsupervisor/status.json"))));
        assertEquals(200, r.statusCode());
        assertTrue(r.body().startsWith("{\"supervisorVersion\":\"4.2.5\",\"processes\":[{\"namespec\":\"foo\""), r.body());
        assertEquals(404, send(HttpRequest.newBuilder(URI.create(server.url("/system/console/jsupervisor/status.events"))))
                .statusCode(), "no event stream in the console: the script polls");
    }

    @Test
    void actionWithTheTokenRunsAndRedirectsToTheTabWithTheMessage() throws Exception {
        HttpResponse<String> r = post("csrf=" + plugin.token() + "&action=stop&processname=foo");
        assertEquals(303, r.statusCode());
        assertEquals("/system/console/jsupervisor?message=Process%20foo%20stopped", r.headers().firstValue("Location").orElse(""));
        assertTrue(pm.calls().contains("stopProcess foo true"), pm.calls().toString());
    }

    @Test
    void actionWithoutOrWithAnotherTokenIsRefusedAndDoesNothing() throws Exception {
        assertEquals(403, post("action=stop&processname=foo").statusCode());
        assertEquals(403, post("csrf=forged&action=stopall").statusCode());
        assertEquals(403, post("csrf=" + new ConsolePluginServlet(pm).token() + "&action=stopall").statusCode(),
                "the status page's or another tab instance's token is not this one");
        assertEquals(java.util.List.of(), pm.calls());
    }
}
