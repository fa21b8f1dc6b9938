package io.jsupervisor.itests.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin (examples/hello-plugin) dropped into a running daemon's load/ folder: its RPC namespace,
 * in-JVM event listener, web panel and Gogo command work, replacing the jar updates it, removing it uninstalls
 * it, and the supervised program is never restarted. Runs on a private copy of the distribution, because load/
 * is per installation.
 */
class PluginHotDeployTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private Path home;
    private int port;
    private Process daemon;
    private XmlRpc rpc;

    static Path examplePlugin() {
        Path jar = Path.of(System.getProperty("jsupervisor.example.hello",
                "../examples/hello-plugin/target/jsupervisor-example-hello-0.1.0-SNAPSHOT.jar"));
        assertTrue(Files.isRegularFile(jar), "build examples/hello-plugin first: " + jar.toAbsolutePath());
        return jar;
    }

    @BeforeEach
    void copyDistribution() throws Exception {
        home = dir.resolve("dist");
        Process copy = new ProcessBuilder("cp", "-r", Distribution.home().toString(), home.toString())
                .inheritIO().start();
        assertEquals(0, copy.waitFor());
        port = Distribution.freePort();
        rpc = new XmlRpc(port);
    }

    @AfterEach
    void stopDaemon() throws Exception {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroy();
            if (!daemon.waitFor(60, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    private Path config() throws IOException {
        return Distribution.writeConfig(dir, port, "", """
                [program:sleeper]
                command = /bin/sleep 987603
                startsecs = 0
                """);
    }

    private void awaitRunning() {
        Poll.until(WAIT, "sleeper RUNNING", () -> rpc.tryCall("supervisor.getProcessInfo",
                XmlRpc.stringParam("sleeper")).filter(a -> a.contains("<string>RUNNING</string>")));
    }

    private String sleeperPid() throws Exception {
        return XmlRpc.member(rpc.call("supervisor.getProcessInfo", XmlRpc.stringParam("sleeper")), "pid").orElseThrow();
    }

    private boolean helloListed() {
        return rpc.tryCall("system.listMethods").map(a -> a.contains("<string>hello.greet</string>")).orElse(false);
    }

    /** Runs Python's xmlrpc.client against the daemon: the client third parties use. */
    private String python(String code) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import xmlrpc.client\n"
                + "s = xmlrpc.client.ServerProxy('http://127.0.0.1:" + port + "/RPC2')\n" + code)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }

    @Test
    void droppedPluginServesRpcListenerAndPanelThenUpdatesAndUninstallsWithoutRestartingPrograms() throws Exception {
        daemon = new ProcessBuilder(home.resolve("bin/supervisord").toString(), "-n", "-c", config().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
        awaitRunning();
        String pid = sleeperPid();

        Files.copy(examplePlugin(), home.resolve("load/hello.jar"));
        Poll.until(WAIT, "hello.* in system.listMethods", this::helloListed);
        assertEquals("Hello, Ada! 9001 HELLO_REFUSED: as asked", python("""
                try:
                    s.hello.refuse()
                except xmlrpc.client.Fault as f:
                    print(s.hello.greet('Ada'), f.faultCode, f.faultString)"""));

        // the in-JVM listener sees the events of a restart
        rpc.call("supervisor.stopProcess", XmlRpc.stringParam("sleeper"));
        rpc.call("supervisor.startProcess", XmlRpc.stringParam("sleeper"));
        awaitRunning();
        Poll.until(WAIT, "the listener counted PROCESS_STATE_RUNNING", () -> rpc.tryCall("hello.eventCounts")
                .filter(a -> XmlRpc.member(a, "PROCESS_STATE_RUNNING").isPresent()
                        && XmlRpc.member(a, "PROCESS_STATE_STOPPED").isPresent()));
        pid = sleeperPid();

        HttpResponse<String> panel = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/hello?who=%3Cb%3E")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, panel.statusCode());
        assertTrue(panel.body().contains("<h1>Hello, &lt;b&gt;!</h1>"), panel.body());
        assertTrue(panel.body().contains("<td>PROCESS_STATE_RUNNING</td>"), panel.body());

        // replacing the jar updates the bundle: the namespace comes back, the listener starts counting afresh
        Path replacement = dir.resolve("hello-new.jar");
        Files.copy(examplePlugin(), replacement);
        Files.setLastModifiedTime(replacement, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()
                + 10_000));
        Files.move(replacement, home.resolve("load/hello.jar"), StandardCopyOption.REPLACE_EXISTING);
        Poll.until(WAIT, "the updated plugin's listener starting from zero", () -> rpc.tryCall("hello.eventCounts")
                .filter(a -> !a.contains("faultCode") && XmlRpc.member(a, "PROCESS_STATE_STOPPED").isEmpty()));
        assertEquals("Hello, Bob!", python("print(s.hello.greet('Bob'))"));

        Files.delete(home.resolve("load/hello.jar"));
        Poll.until(WAIT, "hello.* gone from system.listMethods", () -> !helloListed());
        assertEquals(pid, sleeperPid(), "the program was not restarted by any of it");
        assertTrue(python("print(s.hello.greet('x'))").contains("UNKNOWN_METHOD"));
    }

    @Test
    void pluginCommandRunsInTheGogoShellOfAForegroundDaemon() throws Exception {
        Files.copy(examplePlugin(), home.resolve("load/hello.jar"));
        try (GogoTerminal terminal = new GogoTerminal(home.resolve("bin/supervisord"), config())) {
            awaitRunning();
            terminal.awaitPrompt(WAIT);
            Poll.until(WAIT, "hello.* in system.listMethods", this::helloListed);
            assertTrue(terminal.run("hello:greet Gogo", WAIT).contains("Hello, Gogo!"));
            assertTrue(terminal.run("supervisor:status sleeper", WAIT).lines()
                    .anyMatch(l -> l.matches("sleeper\\s+RUNNING\\s+pid \\d+, uptime.*")), terminal.text());
        }
    }
}
