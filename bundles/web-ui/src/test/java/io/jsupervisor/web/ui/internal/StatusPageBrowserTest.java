package io.jsupervisor.web.ui.internal;

import static io.jsupervisor.web.ui.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jsupervisor.api.ProcessState;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The page in headless Chromium (Debian's chromium + chromedriver; skipped when they are not installed):
 * the script's live refresh, escaping in the DOM, the filter box and a real form POST.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatusPageBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final FakeProcessManager pm = new FakeProcessManager();
    private final StatusEventsServlet events = new StatusEventsServlet(pm, 200);
    private TestServer server;
    private ChromeDriver driver;

    @BeforeAll
    void startBrowserAndServer() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "no chromium/chromedriver");
        StatusServlet status = new StatusServlet(pm);
        server = new TestServer()
                .servlet(status, "/", "/index.html")
                .servlet(new StatusJsonServlet(pm), "/status.json")
                .servlet(events, "/status.events")
                .servlet(new TailServlet(pm), "/tail.html")
                .servlet(new LogPageServlet(), "/log.html")
                .servlet(new LogDataServlet(pm), "/log.txt")
                .start();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1100,800");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        events.stop();
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void threeProcesses() {
        pm.with(process("foo", "foo", ProcessState.STOPPED, "Not started"),
                process("grp", "a", ProcessState.RUNNING, "pid 77, uptime 0:01:40"),
                process("grp", "b", ProcessState.FATAL, "Exited too quickly"));
        driver.manage().window().setSize(new Dimension(1100, 800));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Read in one script call: the rows may be redrawn between two WebDriver calls. */
    @SuppressWarnings("unchecked")
    private List<String> visibleRows() {
        return (List<String>) js("return Array.from(document.querySelectorAll('#tbody tr[data-name]'))"
                + ".filter(tr => !tr.hidden).map(tr => tr.getAttribute('data-name') + '|' + tr.className);");
    }

    private String stateOf(String namespec) {
        return (String) ((JavascriptExecutor) driver).executeScript("const tr = Array.from(document.querySelectorAll"
                + "('#tbody tr')).find(tr => tr.getAttribute('data-name') === arguments[0]);"
                + " return tr ? tr.querySelector('td.status span').className + ' ' + tr.querySelector('td.status span')"
                + ".textContent + ' ' + Array.from(tr.querySelectorAll('button')).map(b => b.textContent).join(',') : '';",
                namespec);
    }

    @Test
    void tableRefreshesItselfWithoutReloadingThePage() {
        driver.get(server.url("/"));
        assertEquals("statusnominal stopped Start,Clear Log", stateOf("foo"));
        js("window.notReloaded = true;");
        pm.with(process("foo", "foo", ProcessState.RUNNING, "pid 99, uptime 0:00:01"),
                process("grp", "a", ProcessState.RUNNING, "pid 77, uptime 0:01:42"));
        Wait.until(() -> stateOf("foo").equals("statusrunning running Restart,Stop,Clear Log"));
        assertEquals(Boolean.TRUE, js("return window.notReloaded === true;"));
        assertEquals(List.of("foo|", "grp:a|shade"), visibleRows());
        assertTrue(events.listenerCount() >= 1, "the page listens to status.events");
    }

    @Test
    void withoutAnEventStreamThePagePollsStatusJson() throws Exception {
        try (TestServer plain = new TestServer()
                .servlet(new StatusServlet(pm), "/", "/index.html")
                .servlet(new StatusJsonServlet(pm), "/status.json")
                .start()) {
            driver.get(plain.url("/"));
            js("window.notReloaded = true;");
            pm.with(process("foo", "foo", ProcessState.EXITED, "Nov 24 11:40 AM"));
            Wait.until(() -> stateOf("foo").equals("statusnominal exited Start,Clear Log"));
            assertEquals(Boolean.TRUE, js("return window.notReloaded === true;"));
            assertEquals(List.of("foo|"), visibleRows());
        }
    }

    @Test
    void aLiveUpdateOfTheUptimeKeepsTheButtonsUnderThePointer() {
        driver.get(server.url("/"));
        WebElement stop = driver.findElement(By.cssSelector("#tbody tr[data-name='grp:a'] button[value='stop']"));
        pm.with(process("foo", "foo", ProcessState.STOPPED, "Not started"),
                process("grp", "a", ProcessState.RUNNING, "pid 77, uptime 0:01:44"),
                process("grp", "b", ProcessState.FATAL, "Exited too quickly"));
        Wait.until(() -> "pid 77, uptime 0:01:44".equals(
                js("return document.querySelector(\"#tbody tr[data-name='grp:a'] td.desc\").textContent;")));
        assertEquals("Stop", stop.getText(), "the same button element, not a redrawn one");
    }

    @Test
    void markupInNamesAndDescriptionsStaysTextAfterALiveRefresh() {
        driver.get(server.url("/"));
        js("window.pwned = null;");
        String evilName = "<img src=x onerror=\"window.pwned='name'\">";
        String evilDesc = "<script>window.pwned='desc'</script>";
        pm.with(process("g", evilName, ProcessState.BACKOFF, evilDesc));
        Wait.until(() -> visibleRows().size() == 1);
        WebElement row = driver.findElement(By.cssSelector("#tbody tr[data-name]"));
        assertEquals("statuserror backoff Clear Log", stateOf("g:" + evilName));
        assertEquals("g:" + evilName, row.findElement(By.cssSelector("td.name a")).getText());
        assertEquals(evilDesc, row.findElement(By.cssSelector("td.desc")).getText());
        assertTrue(row.findElements(By.tagName("img")).isEmpty());
        assertNull(js("return window.pwned;"));
    }

    @Test
    void filterBoxShowsOnlyMatchingNames() {
        driver.get(server.url("/"));
        driver.findElement(By.id("filter")).sendKeys("GRP:");
        // the visible rows are shaded alternately again
        assertEquals(List.of("grp:a|", "grp:b|shade"), visibleRows());
    }

    @Test
    void startButtonPostsWithTheTokenAndThePageShowsTheMessageWithoutReloading() {
        driver.get(server.url("/"));
        js("window.notReloaded = true;");
        driver.findElement(By.cssSelector("#tbody tr[data-name='foo'] button[value='start']")).click();
        Wait.until(() -> "Process foo started".equals(messageText()));
        assertTrue(pm.calls().contains("startProcess foo true"), pm.calls().toString());
        assertEquals(Boolean.TRUE, js("return window.notReloaded === true;"));
        driver.findElement(By.cssSelector("#buttons button[value='refresh']")).click();
        Wait.until(() -> messageText().startsWith("Page refreshed at "));
    }

    private String messageText() {
        return (String) js("const m = document.getElementById('statusmessage'); return m ? m.textContent : '';");
    }

    @Test
    void withoutScriptTheFormPostsAndTheRedirectShowsTheMessage() throws Exception {
        // the reference's way, kept for browsers without script: POST, 303, the page with ?message=
        driver.get(server.url("/"));
        // form.submit() fires no submit event, so the script does not take over
        js("const f = document.querySelector(\"#tbody tr[data-name='foo'] form\");"
                + " const i = document.createElement('input'); i.type = 'hidden'; i.name = 'action'; i.value = 'start';"
                + " f.appendChild(i); f.submit();");
        Wait.until(() -> driver.getCurrentUrl().contains("message="));
        assertEquals("Process foo started", messageText());
    }

    @Test
    void narrowScreenStacksTheCellsWithoutHeader() {
        driver.manage().window().setSize(new Dimension(375, 667));
        driver.get(server.url("/"));
        assertFalse(driver.findElement(By.tagName("thead")).isDisplayed());
        WebElement row = driver.findElement(By.cssSelector("#tbody tr[data-name='grp:a']"));
        int stateTop = row.findElement(By.cssSelector("td.status")).getLocation().getY();
        int nameTop = row.findElement(By.cssSelector("td.name")).getLocation().getY();
        assertTrue(nameTop > stateTop, "cells are stacked, not side by side");
        Long scrollWidth = (Long) js("return document.documentElement.scrollWidth;");
        Long clientWidth = (Long) js("return document.documentElement.clientWidth;");
        assertTrue(scrollWidth <= clientWidth, "no horizontal scrolling: " + scrollWidth + " > " + clientWidth);
    }

    @SuppressWarnings("unchecked")
    private List<String> groupHeaders() {
        return (List<String>) js("return Array.from(document.querySelectorAll('#tbody tr.group'))"
                + ".filter(tr => !tr.hidden).map(tr => tr.textContent);");
    }

    @Test
    void groupRowsFoldAndStayFoldedAcrossLiveUpdates() {
        driver.get(server.url("/"));
        assertEquals(List.of("\u25be grp1 running, 1 fatal"), groupHeaders(), "a header for the group only");
        driver.findElement(By.cssSelector("#tbody tr.group button")).click();
        assertEquals(List.of("foo|"), visibleRows());
        assertEquals(List.of("\u25b8 grp1 running, 1 fatal"), groupHeaders());
        pm.with(process("foo", "foo", ProcessState.STOPPED, "Not started"),
                process("grp", "a", ProcessState.STOPPED, "Nov 24 11:40 AM"),
                process("grp", "b", ProcessState.FATAL, "Exited too quickly"));
        Wait.until(() -> groupHeaders().equals(List.of("\u25b8 grp1 stopped, 1 fatal")));
        assertEquals(List.of("foo|"), visibleRows(), "still folded after the update");
        driver.findElement(By.cssSelector("#tbody tr.group button")).click();
        assertEquals(List.of("foo|", "grp:a|shade", "grp:b|"), visibleRows());
    }

    /** What choosing an option does (selenium-support's Select is not on the class path). */
    private void chooseState(String value) {
        ((JavascriptExecutor) driver).executeScript("const s = document.getElementById('statefilter');"
                + " s.value = arguments[0]; s.dispatchEvent(new Event('change'));", value);
    }

    @Test
    void stateFilterShowsOnlyProcessesInThatState() {
        driver.get(server.url("/"));
        chooseState("fatal");
        assertEquals(List.of("grp:b|"), visibleRows());
        driver.findElement(By.id("filter")).sendKeys("foo");
        assertEquals(List.of(), visibleRows(), "both filters apply");
        assertEquals(List.of(), groupHeaders(), "a group with nothing to show has no header");
        chooseState("");
        assertEquals(List.of("foo|"), visibleRows());
    }

    @Test
    void logViewerFollowsOutputAsItArrivesAndSwitchesToStderr() throws Exception {
        Path dir = Files.createTempDirectory("web-log");
        Path out = dir.resolve("foo-stdout.log");
        Path err = dir.resolve("foo-stderr.log");
        Files.writeString(out, "first line\n");
        Files.writeString(err, "an error line\n");
        pm.logFiles.put("foo STDOUT", out);
        pm.logFiles.put("foo STDERR", err);
        driver.get(server.url("/log.html?processname=foo"));
        js("window.pwned = null;");
        Wait.until(() -> logText().equals("first line\n"));
        Files.writeString(out, "<script>window.pwned=1</script><b>second</b>\n", StandardOpenOption.APPEND);
        Wait.until(() -> logText().equals("first line\n<script>window.pwned=1</script><b>second</b>\n"));
        assertNull(js("return window.pwned;"));
        assertEquals(0L, js("return document.querySelectorAll('#logbody *').length;"), "text only, no elements");
        driver.findElement(By.id("stderr")).click();
        Wait.until(() -> logText().equals("an error line\n"));
        assertTrue(driver.getCurrentUrl().endsWith("channel=stderr"), driver.getCurrentUrl());
        Files.writeString(err, "another\n", StandardOpenOption.APPEND);
        Wait.until(() -> logText().equals("an error line\nanother\n"));
        driver.findElement(By.id("stdout")).click();
        Wait.until(() -> logText().startsWith("first line\n"));
    }

    private String logText() {
        return (String) js("return document.getElementById('logbody').textContent;");
    }

    @Test
    void anActionWithoutTheFormTokenIsRefused() {
        driver.get(server.url("/"));
        Object status = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[0];"
                + "fetch('index.html', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: 'action=stop&processname=grp%3Aa'}).then(r => done(r.status));");
        assertEquals(403L, status);
        assertFalse(pm.calls().stream().anyMatch(c -> c.startsWith("stopProcess")), pm.calls().toString());
    }

    @Test
    void onAPhoneTheActionsAreReachableAndWork() {
        driver.manage().window().setSize(new Dimension(375, 667));
        driver.get(server.url("/"));
        WebElement stop = driver.findElement(By.cssSelector("#tbody tr[data-name='grp:a'] button[value='stop']"));
        Long right = (Long) js("return Math.ceil(arguments[0].getBoundingClientRect().right);", stop);
        Long width = (Long) js("return document.documentElement.clientWidth;");
        assertTrue(right <= width, "the Stop button is inside the screen: " + right + " > " + width);
        stop.click();
        Wait.until(() -> "Process grp:a stopped".equals(messageText()));
    }

    @Test
    void pagesLoadNothingFromOutsideTheirOrigin() {
        for (String page : List.of("/", "/tail.html?processname=foo", "/log.html?processname=foo")) {
            driver.get(server.url(page));
            @SuppressWarnings("unchecked")
            List<String> outside = (List<String>) js("const o = location.origin;"
                    + "const urls = performance.getEntriesByType('resource').map(e => e.name);"
                    + "document.querySelectorAll('[src],[href],[action]').forEach(e =>"
                    + " ['src', 'href', 'action'].forEach(a => { if (e.hasAttribute(a)) urls.push(e[a] || e.getAttribute(a)); }));"
                    + "return urls.filter(u => /^https?:/i.test(u) && new URL(u).origin !== o);");
            assertEquals(List.of(), outside, page);
        }
    }

    @Test
    void clearLogStopAllAndRestartAllShowTheReferencesMessages() {
        driver.get(server.url("/"));
        driver.findElement(By.cssSelector("#tbody tr[data-name='grp:b'] button[value='clearlog']")).click();
        Wait.until(() -> "Log for grp:b cleared".equals(messageText()));
        driver.findElement(By.cssSelector("#buttons button[value='stopall']")).click();
        Wait.until(() -> messageText().startsWith("All stopped at "));
        driver.findElement(By.cssSelector("#buttons button[value='restartall']")).click();
        Wait.until(() -> messageText().startsWith("All restarted at "));
        assertTrue(pm.calls().containsAll(List.of("clearProcessLogs grp:b", "stopAllProcesses true",
                "startAllProcesses true")), pm.calls().toString());
    }
}
