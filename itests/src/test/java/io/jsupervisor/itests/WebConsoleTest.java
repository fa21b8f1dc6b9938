package io.jsupervisor.itests;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The Felix Web Console in the real distribution: behind the [inet_http_server] credentials (never its own
 * admin/admin), and off when the section sets none.
 */
class WebConsoleTest {
    private static final Duration START = Duration.ofSeconds(60);
    private static final String BUNDLES = "/system/console/bundles.json";

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void stopDaemons() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void consoleAnswersOnlyTheConfiguredUserAndNeverAdminAdmin() throws Exception {
        int port = Distribution.freePort();
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest("s3cret".getBytes(StandardCharsets.UTF_8)));
        start(port, "username = chris\npassword = {SHA}" + sha + "\n");

        String ok = Poll.until(START, "the console to answer the configured user",
                () -> get(port, BUNDLES, "chris:s3cret").filter(r -> r.statusCode() == 200).map(HttpResponse::body));
        assertEquals(true, ok.contains("\"data\""), "a bundle list: " + ok);
        assertEquals(Optional.of(401), get(port, BUNDLES, null).map(HttpResponse::statusCode), "no credentials");
        assertEquals(Optional.of(401), get(port, BUNDLES, "admin:admin").map(HttpResponse::statusCode),
                "the console's default login");
        assertEquals(Optional.of(401), get(port, BUNDLES, "chris:wrong").map(HttpResponse::statusCode),
                "a wrong password");
    }

    @Test
    void consoleIsOffAndSaysWhyWhenTheServerHasNoCredentials() throws Exception {
        int port = Distribution.freePort();
        start(port, "");
        XmlRpc rpc = new XmlRpc(port);
        Poll.until(START, "getState over XML-RPC", () -> rpc.tryCall("supervisor.getState"));
        Poll.until(Duration.ofSeconds(30), "the 'Web console off' line in the main log or stderr",
                () -> read("supervisord.log").contains("Web console off: [inet_http_server] has no username/password")
                        || read("stderr").contains("Web console off: [inet_http_server] has no username/password"));

        assertEquals(Optional.of(404), get(port, BUNDLES, null).map(HttpResponse::statusCode), "no credentials");
        assertEquals(Optional.of(404), get(port, BUNDLES, "admin:admin").map(HttpResponse::statusCode),
                "the console's default login");
    }

    private void start(int port, String credentials) throws IOException {
        Path conf = Distribution.writeConfig(dir, port, credentials, "");
        started.add(new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", conf.toString())
                .directory(dir.toFile())
                .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile())
                .start());
    }

    private String read(String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Empty while nothing listens yet. */
    private Optional<HttpResponse<String>> get(int port, String path, String userColonPassword) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (userColonPassword != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return Optional.of(http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
