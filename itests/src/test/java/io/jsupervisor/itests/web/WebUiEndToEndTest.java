package io.jsupervisor.itests.web;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web UI and the Web Console tab of the real distribution in headless Chromium, logged in with the
 * {@code [inet_http_server]} credentials (in the URL, as a user would type them): one daemon and one browser
 * for the class. Set {@code -Dweb.screenshot=<file.png>} to keep a screenshot of the status page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiEndToEndTest {
    private static final String USER = "chris";
    private static final String PASSWORD = "s3cret";
    private static final String PROGRAMS = """
            [program:ticker]
            command = /bin/sh -c "i=0; while true; do i=$((i+1)); echo out $i; echo err $i >&2; sleep 0.2; done"

            [program:scripty]
            command = /bin/sh -c "echo '<script>window.pwned=1</script><b>bold</b>'; exec sleep 1000"

            [program:idle]
            command = /bin/sleep 1000
            autostart = false

            [program:a]
            command = /bin/sleep 1000

            [program:b]
            command = /bin/sleep 1000

            [group:pool]
            programs = a,b
            """;
    /** name + ' ' + state of every process row, in page order. */
    private static final String ROWS = "return Array.from(document.querySelectorAll('#tbody tr[data-name]'))"
            + ".map(tr => tr.getAttribute('data-name') + ' ' + tr.querySelector('td.status span').textContent).join('|');";
    private static final String VISIBLE = "return Array.from(document.querySelectorAll('#tbody tr[data-name]'))"
            + ".filter(tr => !tr.hidden).map(tr => tr.getAttribute('data-name')).join('|');";
    private static final String MESSAGE = "const m = document.getElementById('statusmessage'); return m ? m.textContent : '';";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Path dir;
    private Process daemon;
    private Chromium browser;
    private int port;

    @BeforeAll
    void startDaemonAndBrowser() throws Exception {
        assumeTrue(Chromium.installed(), "no /usr/bin/chromium or /usr/bin/chromedriver");
        dir = Files.createTempDirectory("web-e2e");
        port = Distribution.freePort();
        Path conf = Distribution.writeConfig(dir, port, "username = " + USER + "\npassword = " + PASSWORD + "\n", PROGRAMS);
        daemon = new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", conf.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("stdout").toFile()).start();
        Poll.until(Duration.ofSeconds(90), "every autostarted program RUNNING", () -> get("/status.json")
                .filter(json -> json.split("\"state\":\"running\"", -1).length - 1 == 4));
        browser = new Chromium();
    }

    @AfterAll
    void stopAll() {
        if (browser != null) {
            browser.close();
        }
        if (daemon != null) {
            daemon.destroy();
        }
    }

    private String url(String path) {
        return "http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + port + path;
    }

    /** A GET with the credentials; empty while the daemon does not answer 200. */
    private Optional<String> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An XML-RPC call with the credentials, as another client (supervisorctl) would make it. */
    private void rpc(String method, String name) throws Exception {
        String body = "<?xml version=\"1.0\"?><methodCall><methodName>" + method + "</methodName><params><param><value>"
                + "<string>" + name + "</string></value></param></params></methodCall>";
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/RPC2"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "text/xml").header("Authorization", "Basic "
                        + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(!r.body().contains("<fault>"), r.body());
    }

    private String state(String namespec) throws IOException {
        return browser.js("const tr = Array.from(document.querySelectorAll('#tbody tr[data-name]'))"
                + ".find(tr => tr.getAttribute('data-name') === arguments[0]);"
                + " return tr ? tr.querySelector('td.status span').textContent : 'none';", namespec);
    }

    private void waitForState(String namespec, String state) {
        browser.waitFor(namespec + " " + state, state, "const tr = Array.from(document.querySelectorAll"
                + "('#tbody tr[data-name]')).find(tr => tr.getAttribute('data-name') === arguments[0]);"
                + " return tr ? tr.querySelector('td.status span').textContent : 'none';", namespec);
    }

    private void openStatusPage() throws IOException {
        browser.open(url("/"));
        browser.waitFor("the five programs", "5", "return document.querySelectorAll('#tbody tr[data-name]').length;");
    }

    @Test
    @Order(1)
    void screenshotOfTheStatusPage() throws Exception {
        openStatusPage();
        assertEquals("idle stopped|pool:a running|pool:b running|scripty running|ticker running", browser.js(ROWS));
        String target = System.getProperty("web.screenshot");
        if (target != null && !target.isEmpty()) {
            browser.windowSize(1100, 600);
            try {
                Files.write(Path.of(target), browser.screenshot());
            } finally {
                browser.windowSize(1100, 800);
            }
        }
        String more = System.getProperty("web.screenshots");
        if (more != null && !more.isEmpty()) {
            screenshots(Path.of(more));
        }
    }

    /** For a look by eye: the console tab, the log viewer and the page on a phone. */
    private void screenshots(Path target) throws Exception {
        Files.createDirectories(target);
        browser.open(url("/system/console/jsupervisor"));
        browser.waitFor("the console tab", "5", "return document.querySelectorAll('#tbody tr[data-name]').length;");
        Files.write(target.resolve("console.png"), browser.screenshot());
        browser.open(url("/log.html?processname=ticker"));
        browser.waitFor("some output", "true", "return document.getElementById('logbody').textContent.length > 0;");
        Files.write(target.resolve("log.png"), browser.screenshot());
        browser.windowSize(375, 667);
        try {
            openStatusPage();
            Files.write(target.resolve("phone.png"), browser.screenshot());
        } finally {
            browser.windowSize(1100, 800);
        }
    }

    @Test
    @Order(2)
    void startStopAndRestartChangeTheRowsWithoutReloadingAndSayWhatHappened() throws Exception {
        openStatusPage();
        browser.js("window.notReloaded = true;");
        browser.click("#tbody tr[data-name='idle'] button[value='start']");
        browser.waitFor("the start message", "Process idle started", MESSAGE);
        waitForState("idle", "running");
        browser.click("#tbody tr[data-name='idle'] button[value='stop']");
        browser.waitFor("the stop message", "Process idle stopped", MESSAGE);
        waitForState("idle", "stopped");
        String before = browser.js("return document.querySelector(\"#tbody tr[data-name='ticker'] td.desc\").textContent;");
        browser.click("#tbody tr[data-name='ticker'] button[value='restart']");
        browser.waitFor("the restart message", "Process ticker restarted", MESSAGE);
        browser.waitFor("a new pid for ticker", "true", "const d = document.querySelector(\"#tbody tr[data-name='ticker']"
                + " td.desc\").textContent; return d.startsWith('pid ') && d.split(',')[0] !== arguments[0];",
                before.substring(0, before.indexOf(',')));
        browser.click("#buttons button[value='refresh']");
        browser.waitFor("the refresh message", "true", "return document.getElementById('statusmessage').textContent"
                + ".startsWith('Page refreshed at ');");
        assertEquals("true", browser.js("return window.notReloaded === true;"), "the page was never reloaded");

        // a change made by another client shows up too
        rpc("supervisor.startProcess", "idle");
        waitForState("idle", "running");
        rpc("supervisor.stopProcess", "idle");
        waitForState("idle", "stopped");
        assertEquals("true", browser.js("return window.notReloaded === true;"));
    }

    @Test
    @Order(3)
    void uptimeTicksWhileThePageStaysOpen() throws Exception {
        openStatusPage();
        browser.js("window.notReloaded = true;");
        String desc = "return document.querySelector(\"#tbody tr[data-name='scripty'] td.desc\").textContent;";
        String first = browser.js(desc);
        assertTrue(first.matches("pid \\d+, uptime \\d+:\\d\\d:\\d\\d"), first);
        browser.waitFor("another uptime", "true", "return document.querySelector(\"#tbody tr[data-name='scripty']"
                + " td.desc\").textContent !== arguments[0];", first);
        assertTrue(browser.js(desc).matches("pid \\d+, uptime \\d+:\\d\\d:\\d\\d"));
        assertEquals("true", browser.js("return window.notReloaded === true;"));
    }

    @Test
    @Order(4)
    void logViewerFollowsOutputAsItArrivesAndSwitchesToStderr() throws Exception {
        browser.open(url("/"));
        // the Log link opens a new window; this browser follows its address in the same one
        browser.js("const a = document.querySelector(\"#tbody tr[data-name='ticker'] a.follow\"); location.href = a.href;");
        String lines = "return (document.getElementById('logbody').textContent.match(/^out \\d+$/mg) || []).length;";
        browser.waitFor("stdout lines", "true", "return /^out \\d+$/m.test(document.getElementById('logbody').textContent);");
        int seen = Integer.parseInt(browser.js(lines));
        browser.waitFor("more stdout lines arriving", "true", lines.replace(".length;", ".length > " + seen + ";"));
        browser.click("#stderr");
        browser.waitFor("stderr only", "true", "const t = document.getElementById('logbody').textContent;"
                + " return /^err \\d+$/m.test(t) && !/^out/m.test(t);");
        assertTrue(browser.currentUrl().endsWith("channel=stderr"), browser.currentUrl());
    }

    @Test
    @Order(5)
    void childOutputWithScriptTagsIsShownAsText() throws Exception {
        String text = "<script>window.pwned=1</script><b>bold</b>";
        browser.open(url("/log.html?processname=scripty"));
        browser.waitFor("the output as text", "true",
                "return document.getElementById('logbody').textContent.includes(arguments[0]);", text);
        assertEquals("0", browser.js("return document.querySelectorAll('#logbody *').length;"));
        assertEquals("undefined", browser.js("return typeof window.pwned;"));
        browser.open(url("/tail.html?processname=scripty"));
        assertEquals("true", browser.js("return document.getElementById('tailbody').textContent.includes(arguments[0]);", text));
        assertEquals("0", browser.js("return document.querySelectorAll('#tailbody *').length;"));
        assertEquals("undefined", browser.js("return typeof window.pwned;"));
    }

    @Test
    @Order(6)
    void filterByNameAndStateAndFoldTheGroup() throws Exception {
        openStatusPage();
        browser.type("#filter", "POOL");
        assertEquals("pool:a|pool:b", browser.js(VISIBLE));
        browser.click("#tbody tr.group button");
        assertEquals("", browser.js(VISIBLE), "folded");
        assertEquals("\u25b8 pool2 running", browser.js("return document.querySelector('#tbody tr.group').textContent;"));
        browser.click("#tbody tr.group button");
        assertEquals("pool:a|pool:b", browser.js(VISIBLE));
        browser.js("const f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input'));");
        browser.js("const s = document.getElementById('statefilter'); s.value = 'stopped'; s.dispatchEvent(new Event('change'));");
        assertEquals("idle", browser.js(VISIBLE));
        browser.js("const s = document.getElementById('statefilter'); s.value = 'running'; s.dispatchEvent(new Event('change'));");
        assertEquals("pool:a|pool:b|scripty|ticker", browser.js(VISIBLE));
    }

    @Test
    @Order(7)
    void onAPhoneScreenNothingScrollsSidewaysAndTheActionsAreReachable() throws Exception {
        browser.windowSize(375, 667);
        try {
            openStatusPage();
            assertEquals("true", browser.js("return document.documentElement.scrollWidth <= document.documentElement.clientWidth;"),
                    "no horizontal scrolling");
            assertEquals("true", browser.js("const w = document.documentElement.clientWidth;"
                    + " return Array.from(document.querySelectorAll('#tbody button, #buttons button, #filter, #statefilter'))"
                    + ".every(b => { const r = b.getBoundingClientRect(); return r.left >= 0 && r.right <= w && r.width > 0; });"),
                    "every button inside the screen");
            browser.click("#tbody tr[data-name='idle'] button[value='start']");
            browser.waitFor("the start message", "Process idle started", MESSAGE);
            waitForState("idle", "running");
            browser.click("#tbody tr[data-name='idle'] button[value='stop']");
            browser.waitFor("the stop message", "Process idle stopped", MESSAGE);
        } finally {
            browser.windowSize(1100, 800);
        }
    }

    @Test
    @Order(8)
    void noPageLoadsAnythingFromOutsideItsOrigin() throws Exception {
        for (String page : List.of("/", "/tail.html?processname=ticker", "/log.html?processname=ticker",
                "/system/console/jsupervisor")) {
            browser.open(url(page));
            browser.waitFor(page + " loaded", "complete", "return document.readyState;");
            assertEquals("", browser.js("const o = location.origin;"
                    + "const urls = performance.getEntriesByType('resource').map(e => e.name);"
                    + "document.querySelectorAll('[src],[href],[action]').forEach(e =>"
                    + " ['src', 'href', 'action'].forEach(a => { if (e.hasAttribute(a)) urls.push(String(e[a] || e.getAttribute(a))); }));"
                    + "return urls.filter(u => /^https?:/i.test(u) && new URL(u).origin !== o).join(' ');"), page);
        }
    }

    @Test
    @Order(9)
    void anActionWithoutTheFormTokenIsRefused() throws Exception {
        openStatusPage();
        String post = "fetch(location.origin + arguments[0], {method: 'POST', credentials: 'same-origin',"
                + " headers: {'Content-Type': 'application/x-www-form-urlencoded'}, body: 'action=stop&processname=scripty'})"
                + ".then(r => done(r.status), e => done('failed ' + e));";
        assertEquals("403", browser.jsAsync(post, "/index.html"));
        assertEquals("403", browser.jsAsync(post, "/system/console/jsupervisor"));
        assertEquals("running", state("scripty"));
        assertTrue(get("/status.json").orElseThrow().contains("\"namespec\":\"scripty\",\"group\":\"scripty\","
                + "\"name\":\"scripty\",\"state\":\"running\""));
    }

    @Test
    @Order(10)
    void consoleTabListsTheProgramsAndStopsOne() throws Exception {
        browser.open(url("/system/console/jsupervisor"));
        browser.waitFor("the programs in the console",
                "idle stopped|pool:a running|pool:b running|scripty running|ticker running", ROWS);
        assertTrue(browser.js("return document.title;").contains("JSupervisor"), browser.js("return document.title;"));
        assertEquals("true", browser.js("return !!document.querySelector(\"a[href$='/jsupervisor']\");"),
                "a JSupervisor entry in the console's menu");
        browser.js("window.notReloaded = true;");
        browser.click("#tbody tr[data-name='pool:b'] button[value='stop']");
        browser.waitFor("the stop message", "Process pool:b stopped", MESSAGE);
        waitForState("pool:b", "stopped");
        assertEquals("true", browser.js("return window.notReloaded === true;"));
        browser.open(url("/system/console/jsupervisor"));
        browser.waitFor("the state after a reload", "stopped", "const tr = document.querySelector(\"#tbody"
                + " tr[data-name='pool:b']\"); return tr ? tr.querySelector('td.status span').textContent : '';");
    }

    @Test
    @Order(11)
    void clearLogRestartAllAndStopAllSayWhatTheReferenceSays() throws Exception {
        openStatusPage();
        browser.click("#tbody tr[data-name='ticker'] button[value='clearlog']");
        browser.waitFor("the clear message", "Log for ticker cleared", MESSAGE);
        browser.click("#buttons button[value='restartall']");
        browser.waitFor("the restart-all message", "true",
                "return document.getElementById('statusmessage').textContent.startsWith('All restarted at ');");
        browser.waitFor("everything running", "idle running|pool:a running|pool:b running|scripty running|ticker running", ROWS);
        browser.click("#buttons button[value='stopall']");
        browser.waitFor("the stop-all message", "true",
                "return document.getElementById('statusmessage').textContent.startsWith('All stopped at ');");
        browser.waitFor("everything stopped", "idle stopped|pool:a stopped|pool:b stopped|scripty stopped|ticker stopped", ROWS);
    }

    @Test
    @Order(12)
    void everyPageNeedsTheServersCredentials() throws Exception {
        for (String path : List.of("/", "/status.json", "/status.events", "/log.html?processname=ticker",
                "/log.txt?processname=ticker", "/tail.html?processname=ticker", "/system/console/jsupervisor")) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(401, r.statusCode(), path);
        }
    }
}
