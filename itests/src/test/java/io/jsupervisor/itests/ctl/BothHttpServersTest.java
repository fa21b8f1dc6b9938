package io.jsupervisor.itests.ctl;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One {@code [inet_http_server]} and one {@code [unix_http_server]} at once, each with its own credentials (as
 * the reference allows): both serve XML-RPC, the log tails and the web UI, each behind its own section's
 * credentials only. Driven with curl and the real supervisorctl against the distribution.
 */
class BothHttpServersTest {
    private static final String RPC_BODY =
            "<?xml version=\"1.0\"?><methodCall><methodName>supervisor.getState</methodName></methodCall>";

    @TempDir
    Path dir;
    private Process daemon;
    private int port;
    private Path sock;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Distribution.supervisord()), "no distribution at " + Distribution.home());
        port = Distribution.freePort();
        sock = dir.resolve("s.sock");
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, """
                [inet_http_server]
                port = 127.0.0.1:%d
                username = inetuser
                password = inetpass

                [unix_http_server]
                file = %s
                username = unixuser
                password = {SHA}82ab876d1387bfafe46cc1c8a2ef074eae50cb1d

                [supervisord]
                logfile = %s/supervisord.log
                pidfile = %s/supervisord.pid
                childlogdir = %s

                [rpcinterface:supervisor]
                supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

                [supervisorctl]

                [program:runner]
                command = /bin/sh -c "echo runner-says-hello; exec /bin/sleep 1000"
                startsecs = 0
                stdout_logfile = %s/runner.out
                """.formatted(port, sock, dir, dir, dir, dir));
        daemon = new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", conf.toString())
                .directory(dir.toFile()).redirectOutput(dir.resolve("daemon.out").toFile())
                .redirectError(dir.resolve("daemon.err").toFile()).start();
        Poll.until(Duration.ofSeconds(90), "the unix socket answering RPC",
                () -> curl(true, "unixuser:thepassword", "/RPC2", "--data-binary", RPC_BODY).contains("RUNNING"));
        Poll.until(Duration.ofSeconds(30), "runner's output in its log", () -> {
            try {
                return Files.readString(dir.resolve("runner.out")).contains("runner-says-hello");
            } catch (IOException e) {
                return false;
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (daemon != null) {
            List<ProcessHandle> children = daemon.descendants().toList();
            daemon.destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** curl's output with the status code last ({@code -w}); at most 3 s, so a log tail ends too. */
    private String curl(boolean unix, String userPass, String path, String... extra) {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "--max-time", "3", "-w", "\nHTTP %{http_code}"));
        if (unix) {
            command.addAll(List.of("--unix-socket", sock.toString()));
        }
        if (userPass != null) {
            command.addAll(List.of("-u", userPass));
        }
        command.addAll(List.of(extra));
        command.add("http://" + (unix ? "localhost" : "127.0.0.1:" + port) + path);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            return out;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private String rpc(boolean unix, String userPass) {
        return curl(unix, userPass, "/RPC2", "-H", "Content-Type: text/xml", "--data-binary", RPC_BODY);
    }

    @Test
    void eachServerAnswersRpcWithItsOwnCredentialsOnly() {
        assertTrue(rpc(false, "inetuser:inetpass").endsWith("HTTP 200"), rpc(false, "inetuser:inetpass"));
        assertTrue(rpc(true, "unixuser:thepassword").endsWith("HTTP 200"));
        assertTrue(rpc(false, "unixuser:thepassword").endsWith("HTTP 401"));
        assertTrue(rpc(true, "inetuser:inetpass").endsWith("HTTP 401"));
        assertTrue(rpc(false, null).endsWith("HTTP 401"));
        assertTrue(rpc(true, null).endsWith("HTTP 401"));
    }

    @Test
    void bothServersServeTheLogTails() {
        for (boolean unix : new boolean[] {false, true}) {
            String creds = unix ? "unixuser:thepassword" : "inetuser:inetpass";
            String tail = curl(unix, creds, "/logtail/runner");
            assertTrue(tail.contains("runner-says-hello"), (unix ? "unix: " : "inet: ") + tail);
            assertTrue(curl(unix, null, "/logtail/runner").endsWith("HTTP 401"));
            assertTrue(curl(unix, creds, "/mainlogtail").contains("spawned: 'runner'"));
        }
    }

    @Test
    void theUnixSocketServesTheWebUiAsTheInetPortDoes() {
        String overSocket = curl(true, "unixuser:thepassword", "/");
        assertTrue(overSocket.endsWith("HTTP 200"), overSocket);
        assertTrue(overSocket.contains("runner") && overSocket.contains("running"), overSocket);
        String overPort = curl(false, "inetuser:inetpass", "/");
        assertTrue(overPort.endsWith("HTTP 200"), overPort);
        assertTrue(curl(true, "unixuser:thepassword", "/ok.html").startsWith("OK"));
        assertTrue(curl(true, "unixuser:thepassword", "/tail.html?processname=runner").contains("runner-says-hello"));
        // the page's live updates: an async servlet (server-sent events) through the socket's router
        String events = curl(true, "unixuser:thepassword", "/status.events");
        assertTrue(events.contains("data: {") && events.contains("runner"), events);
        assertTrue(curl(true, null, "/").endsWith("HTTP 401"));
        assertTrue(curl(true, "inetuser:inetpass", "/index.html").endsWith("HTTP 401"));
    }

    @Test
    void supervisorctlWorksOverEitherServer() throws Exception {
        assertEquals("runner", ctl("-s", "unix://" + sock, "-u", "unixuser", "-p", "thepassword"));
        assertEquals("runner", ctl("-s", "http://127.0.0.1:" + port, "-u", "inetuser", "-p", "inetpass"));
    }

    /** The first word of {@code supervisorctl <args> status}. */
    private String ctl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(CtlSide.SUPERVISORCTL, "-c", dir.resolve("supervisord.conf").toString()));
        command.addAll(List.of(args));
        command.add("status");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.split("\\s+")[0];
    }
}
