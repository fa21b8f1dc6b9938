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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hot-swap contract on the real distribution, driven from its Gogo shell as an operator would: each of
 * rpc-xml, web-ui, ctl-shell, logging and events is stopped, started, and updated to a new jar while a program
 * writes a numbered line every 10 ms and an event listener records events. Afterwards: the same pids, every line
 * in the log once and in order, the listener still served (at least once per event, the reference's rule), and
 * each bundle's service answering again.
 */
class HotSwapTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private int port;
    private XmlRpc rpc;

    @Test
    void everyBundleButCoreSwapsWhileProgramsRunAndWrite() throws Exception {
        port = Distribution.freePort();
        rpc = new XmlRpc(port);
        Path events = dir.resolve("events.txt");
        Path listener = dir.resolve("listener.py");
        Files.writeString(listener, """
                import sys
                out = open(sys.argv[1], 'a')
                while True:
                    sys.stdout.write('READY\\n'); sys.stdout.flush()
                    header = dict(t.split(':', 1) for t in sys.stdin.readline().split())
                    payload = sys.stdin.read(int(header['len']))
                    out.write(header['eventname'] + ' ' + payload.split('\\n')[0] + '\\n'); out.flush()
                    sys.stdout.write('RESULT 2\\nOK'); sys.stdout.flush()
                """);
        Path config = Distribution.writeConfig(dir, port, "", """
                [program:writer]
                command = /bin/sh -c 'i=0; while true; do i=$((i+1)); echo "line $i"; sleep 0.01; done'
                stdout_logfile = %s/writer.log
                startsecs = 0

                [program:pulse]
                command = /bin/sleep 987604
                startsecs = 0

                [eventlistener:recorder]
                command = python3 %s %s
                events = PROCESS_STATE
                startsecs = 0
                """.formatted(dir, listener, events));
        try (GogoTerminal terminal = new GogoTerminal(Distribution.supervisord(), config)) {
            terminal.awaitPrompt(WAIT);
            Poll.until(WAIT, "all RUNNING", () -> rpc.tryCall("supervisor.getAllProcessInfo")
                    .filter(a -> a.split("<string>RUNNING</string>", -1).length - 1 == 3));
            Map<String, String> pids = pids();
            Map<String, Long> ids = terminal.bundleIds(WAIT);

            for (String bundle : List.of("io.jsupervisor.rpc-xml", "io.jsupervisor.web-ui",
                    "io.jsupervisor.ctl-shell", "io.jsupervisor.logging", "io.jsupervisor.events")) {
                long id = ids.get(bundle);
                terminal.run("felix:stop " + id, WAIT);
                if (bundle.endsWith("rpc-xml")) {
                    Poll.until(WAIT, "RPC gone with rpc-xml", () -> rpc.tryCall("supervisor.getState").isEmpty());
                }
                if (bundle.endsWith("web-ui")) {
                    Poll.until(WAIT, "status page gone with web-ui", () -> page() != 200);
                }
                terminal.run("felix:start " + id, WAIT);
                awaitServing(terminal, bundle);

                // update to a new build: a copy of the jar at a new location
                Path jar = dir.resolve(bundle + "-new.jar");
                Files.copy(Distribution.ourBundles().stream()
                        .filter(p -> p.getFileName().toString().startsWith("jsupervisor-" + bundle.substring("io.jsupervisor.".length())))
                        .findFirst().orElseThrow(), jar);
                terminal.run("felix:update " + id + " " + jar.toUri(), WAIT);
                awaitServing(terminal, bundle);
                pulse(bundle); // events while and after each swap reach the listener
            }

            assertEquals(pids, pids(), "no program was restarted");
            // each pulse stopped a different pid: five distinct STOPPED events, none lost (repeats would be allowed)
            Poll.until(WAIT, "the listener saw every pulse", () -> {
                try {
                    return Files.readString(events).lines().filter(l -> l.startsWith("PROCESS_STATE_STOPPED "
                            + "processname:pulse")).distinct().count() == 5 ? Optional.of(true) : Optional.empty();
                } catch (IOException e) {
                    return Optional.empty();
                }
            });
            assertEveryLineOnceInOrder(Files.readString(dir.resolve("writer.log")));
        }
    }

    @Test
    void pagesGoAwayWithTheCredentialsCheckInsteadOfAnsweringWithoutIt() throws Exception {
        port = Distribution.freePort();
        Path config = Distribution.writeConfig(dir, port, "username = admin\npassword = s3cret\n", "");
        try (GogoTerminal terminal = new GogoTerminal(Distribution.supervisord(), config)) {
            terminal.awaitPrompt(WAIT);
            Poll.until(WAIT, "the page asking for credentials", () -> page() == 401);
            long rpcXml = terminal.bundleIds(WAIT).get("io.jsupervisor.rpc-xml");
            terminal.run("felix:stop " + rpcXml, WAIT);
            Poll.until(WAIT, "the pages gone with the filter", () -> page() == 404);
            for (String path : List.of("/", "/index.html", "/tail.html", "/status.json", "/ok.html", "/log.html")) {
                int status = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                assertEquals(404, status, path + " without the credentials check");
            }
            terminal.run("felix:start " + rpcXml, WAIT);
            Poll.until(WAIT, "the pages back behind the check", () -> page() == 401);
        }
    }

    private void awaitServing(GogoTerminal terminal, String bundle) throws IOException {
        switch (bundle) {
            case "io.jsupervisor.rpc-xml" -> Poll.until(WAIT, "RPC back", () -> rpc.tryCall("supervisor.getState")
                    .filter(a -> a.contains("RUNNING")));
            case "io.jsupervisor.web-ui" -> Poll.until(WAIT, "status page back", () -> page() == 200);
            case "io.jsupervisor.ctl-shell" -> Poll.until(WAIT, "supervisor:status back", () -> {
                try {
                    return terminal.run("supervisor:status writer", WAIT).contains("RUNNING") ? Optional.of(true)
                            : Optional.empty();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
            case "io.jsupervisor.logging" -> Poll.until(WAIT, "log reads back", () -> rpc.tryCall(
                    "supervisor.tailProcessStdoutLog", XmlRpc.stringParam("writer"), "<param><value><int>0</int>"
                            + "</value></param>", "<param><value><int>100</int></value></param>")
                    .filter(a -> !a.contains("faultCode") && a.contains("line ")));
            default -> Poll.until(WAIT, "events bundle active", () -> {
                try {
                    return terminal.run("lb -s events", WAIT).contains("Active") ? Optional.of(true)
                            : Optional.empty();
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            });
        }
    }

    /** Stops and starts {@code pulse}: two state-change events for the listener. */
    private void pulse(String after) throws IOException, InterruptedException {
        String stop = rpc.call("supervisor.stopProcess", XmlRpc.stringParam("pulse"));
        assertTrue(stop.contains("<boolean>1</boolean>"), after + ": " + stop);
        String start = rpc.call("supervisor.startProcess", XmlRpc.stringParam("pulse"));
        assertTrue(start.contains("<boolean>1</boolean>"), after + ": " + start);
    }

    private Map<String, String> pids() throws IOException, InterruptedException {
        return Map.of("writer", pid("writer"), "recorder", pid("recorder"));
    }

    private String pid(String name) throws IOException, InterruptedException {
        return XmlRpc.member(rpc.call("supervisor.getProcessInfo", XmlRpc.stringParam(name)), "pid").orElseThrow();
    }

    private int page() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static void assertEveryLineOnceInOrder(String log) {
        List<Long> numbers = new ArrayList<>();
        String complete = log.substring(0, log.lastIndexOf('\n') + 1); // the writer may be mid-line
        for (String line : complete.split("\n")) {
            Matcher m = LINE.matcher(line);
            assertTrue(m.matches(), "a whole line: '" + line + "'");
            numbers.add(Long.parseLong(m.group(1)));
        }
        assertTrue(numbers.size() > 100, "the writer wrote: " + numbers.size());
        assertEquals(1L, numbers.get(0), "the first line");
        for (int i = 1; i < numbers.size(); i++) {
            if (numbers.get(i) != numbers.get(i - 1) + 1) {
                throw new AssertionError("line " + numbers.get(i - 1) + " is followed by line " + numbers.get(i));
            }
        }
    }
}
