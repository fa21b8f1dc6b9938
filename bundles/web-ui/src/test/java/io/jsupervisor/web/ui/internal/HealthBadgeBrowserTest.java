package io.jsupervisor.web.ui.internal;

import static io.jsupervisor.web.ui.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.ProcessState;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** The page's script keeps the health badge current (headless Chromium; skipped without it). */
class HealthBadgeBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private volatile List<HealthInfo> health = List.of(
            new HealthInfo("web", HealthState.HEALTHY, "tcp://h:1", 1, "connected", 0));
    private final FakeProcessManager pm = new FakeProcessManager() {
        @Override
        public List<HealthInfo> allHealth() {
            return health;
        }
    };

    @Test
    void theBadgeFollowsTheHealthLiveAndGoesAwayWithTheCheck() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "no chromium/chromedriver");
        pm.with(process("web", "web", ProcessState.RUNNING, "pid 77"), process("db", "db", ProcessState.RUNNING, "pid 78"));
        StatusEventsServlet events = new StatusEventsServlet(pm, 200);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync");
        ChromeDriver driver = null;
        try (TestServer server = new TestServer().servlet(new StatusServlet(pm), "/", "/index.html")
                .servlet(new StatusJsonServlet(pm), "/status.json").servlet(events, "/status.events").start()) {
            driver = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER.toString())).build(), options);
            ChromeDriver d = driver;
            d.get(server.url("/"));
            assertEquals("web:health healthhealthy|healthy|connected db:", badges(d));
            health = List.of(new HealthInfo("web", HealthState.UNHEALTHY, "tcp://h:1", 2, "connection refused", 3),
                    new HealthInfo("db", HealthState.STARTING, "exec:true", 0, "", 0));
            Wait.until(() -> badges(d).equals(
                    "web:health healthunhealthy|unhealthy|connection refused db:health healthstarting|starting|"));
            health = List.of();
            Wait.until(() -> badges(d).equals("web: db:"));
        } finally {
            if (driver != null) {
                driver.quit();
            }
            events.stop();
        }
    }

    /** "name:class|text|title" of each row's badge, in one script call. */
    private static String badges(ChromeDriver d) {
        return (String) ((JavascriptExecutor) d).executeScript("return Array.from(document.querySelectorAll("
                + "'#tbody tr[data-name]')).map(tr => { const b = tr.querySelector('td.status span.health');"
                + " return tr.getAttribute('data-name') + ':' + (b ? b.className + '|' + b.textContent + '|' + b.title"
                + " : ''); }).join(' ');");
    }
}
