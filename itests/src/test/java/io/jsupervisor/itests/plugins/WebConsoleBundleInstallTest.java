package io.jsupervisor.itests.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin installed, updated and uninstalled through the Felix Web Console's bundles page of a running
 * daemon, with the requests the page itself sends (its upload form, its update dialog, its uninstall button),
 * behind the [inet_http_server] credentials; the supervised program keeps its pid throughout.
 */
class WebConsoleBundleInstallTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String USER = "chris:s3cret";
    private static final String CONSOLE = "/system/console/bundles";
    private static final String SYMBOLIC_NAME = "io.jsupervisor.example-hello";
    private static final String NEW_VERSION = "0.1.1.consoleupdate";

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private int port;
    private Process daemon;

    @BeforeEach
    void startDaemon() throws Exception {
        port = Distribution.freePort();
        Path conf = Distribution.writeConfig(dir, port, "username = chris\npassword = s3cret\n", """
                [program:sleeper]
                command = /bin/sleep 987604
                startsecs = 0
                """);
        daemon = new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", conf.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile())
                .start();
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

    @Test
    void pluginInstalledUpdatedAndUninstalledThroughTheConsolePageWhileTheProgramKeepsItsPid() throws Exception {
        Poll.until(WAIT, "sleeper RUNNING", () -> rpc("supervisor.getProcessInfo", XmlRpc.stringParam("sleeper"))
                .filter(a -> a.contains("<string>RUNNING</string>")));
        String pid = sleeperPid();
        String page = Poll.until(WAIT, "the bundles page", () -> get(CONSOLE)
                .filter(r -> r.statusCode() == 200).map(HttpResponse::body));
        Map<String, String> upload = formFields(page, "uploadDialog");
        assertEquals("install", upload.get("action"), "the page's upload form: " + upload);
        assertTrue(upload.containsKey("bundlestart") && upload.containsKey("bundlefile"), upload.toString());
        String startLevel = upload.get("bundlestartlevel");
        assertTrue(startLevel.matches("\\d+"), "the page offers the initial start level: " + upload);

        Path jar = PluginHotDeployTest.examplePlugin();
        Map<String, String> install = new LinkedHashMap<>();
        install.put("action", "install");
        install.put("bundlestart", "start");
        install.put("bundlestartlevel", startLevel);
        assertEquals(401, postMultipart(null, install, jar).statusCode(), "no credentials, no install");
        assertFalse(helloListed(), "nothing installed without credentials");

        HttpResponse<String> installed = postMultipart(USER, install, jar);
        assertEquals(302, installed.statusCode(), "the page's redirect back to itself: " + installed.body());
        Poll.until(WAIT, "hello.greet answering", () -> rpc("hello.greet", XmlRpc.stringParam("Ada"))
                .filter(a -> a.contains("<string>Hello, Ada!</string>")));
        Map<String, String> bundle = Poll.until(WAIT, "the plugin Active on the page", () -> consoleBundle()
                .filter(b -> "Active".equals(b.get("state"))));
        String id = bundle.get("id");
        assertEquals("0.1.0.SNAPSHOT", bundle.get("version"));
        // the in-JVM listener of this installation counts a remote communication event
        rpc("supervisor.sendRemoteCommEvent", XmlRpc.stringParam("t"), XmlRpc.stringParam("d")).orElseThrow();
        Poll.until(WAIT, "the listener counting the event", () -> rpc("hello.eventCounts")
                .filter(a -> XmlRpc.member(a, "REMOTE_COMMUNICATION").isPresent()));

        // the page's update dialog: the same install action, naming the bundle to update
        Map<String, String> updateDialog = formFields(page, "updateDialog");
        assertTrue(updateDialog.containsKey("uploadid"), "the page's update form: " + updateDialog);
        Map<String, String> update = new LinkedHashMap<>();
        update.put("action", "install");
        update.put("uploadid", id);
        update.put("bundlestartlevel", startLevel);
        assertEquals(302, postMultipart(USER, update, withVersion(jar, NEW_VERSION)).statusCode());
        Map<String, String> updated = Poll.until(WAIT, "the new version Active under the same id", () -> consoleBundle()
                .filter(b -> NEW_VERSION.equals(b.get("version")) && "Active".equals(b.get("state"))));
        assertEquals(id, updated.get("id"), "an update, not a second bundle");
        Poll.until(WAIT, "the updated plugin answering with a listener of its own, starting from zero", () ->
                rpc("hello.eventCounts").filter(a -> !a.contains("faultCode")
                        && XmlRpc.member(a, "REMOTE_COMMUNICATION").isEmpty()));
        assertTrue(rpc("hello.greet", XmlRpc.stringParam("Bob")).orElseThrow().contains("<string>Hello, Bob!</string>"));

        // the page's uninstall button
        HttpResponse<String> removed = http.send(authorized(HttpRequest.newBuilder(uri(CONSOLE + "/" + id)), USER)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("action=uninstall")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, removed.statusCode(), removed.body());
        assertTrue(removed.body().contains("\"stateRaw\":1"), "the page's answer for an uninstalled bundle: "
                + removed.body());
        Poll.until(WAIT, "hello.* gone from system.listMethods", () -> !helloListed());
        assertTrue(consoleBundle().isEmpty(), "the plugin is gone from the page");
        assertTrue(rpc("hello.greet", XmlRpc.stringParam("x")).orElseThrow().contains("UNKNOWN_METHOD"));

        assertEquals(pid, sleeperPid(), "the program was not restarted by any of it");
        assertTrue(rpc("supervisor.getProcessInfo", XmlRpc.stringParam("sleeper")).orElseThrow()
                .contains("<string>RUNNING</string>"));
    }

    // ---- the console, as a browser talks to it

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpRequest.Builder authorized(HttpRequest.Builder request, String userColonPassword) {
        request.timeout(Duration.ofSeconds(20));
        if (userColonPassword != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    /** Empty while nothing listens yet. */
    private Optional<HttpResponse<String>> get(String path) {
        try {
            return Optional.of(http.send(authorized(HttpRequest.newBuilder(uri(path)), USER).build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A multipart/form-data POST to the bundles page, as a browser submits its forms: fields, then the file. */
    private HttpResponse<String> postMultipart(String userColonPassword, Map<String, String> fields, Path file)
            throws IOException, InterruptedException {
        String boundary = "----jsupervisor" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey()
                    + "\"\r\n\r\n" + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"bundlefile\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: application/java-archive\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(Files.readAllBytes(file));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send(authorized(HttpRequest.newBuilder(uri(CONSOLE)), userColonPassword)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The input fields (name to value) of the form inside the page's element {@code id="dialogId"}. */
    static Map<String, String> formFields(String page, String dialogId) {
        int at = page.indexOf("id=\"" + dialogId + "\"");
        assertTrue(at >= 0, "no " + dialogId + " on the bundles page");
        String form = page.substring(at, page.indexOf("</form>", at));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input\\b[^>]*>").matcher(form);
        while (input.find()) {
            Matcher name = Pattern.compile("name=\"([^\"]*)\"").matcher(input.group());
            Matcher value = Pattern.compile("value=\"([^\"]*)\"").matcher(input.group());
            if (name.find()) {
                fields.put(name.group(1), value.find() ? value.group(1) : "");
            }
        }
        return fields;
    }

    /** The example plugin's entry in the page's bundle list (id, state, version), empty if not installed. */
    private Optional<Map<String, String>> consoleBundle() {
        String json = get(CONSOLE + ".json").filter(r -> r.statusCode() == 200).map(HttpResponse::body)
                .orElseThrow(() -> new IllegalStateException("the console's bundle list does not answer"));
        Matcher entry = Pattern.compile("\\{[^{}]*\"symbolicName\":\"" + Pattern.quote(SYMBOLIC_NAME) + "\"[^{}]*}")
                .matcher(json);
        if (!entry.find()) {
            return Optional.empty();
        }
        Map<String, String> b = new LinkedHashMap<>();
        Matcher kv = Pattern.compile("\"(id|state|version)\":\"?([^\",}]*)").matcher(entry.group());
        while (kv.find()) {
            b.put(kv.group(1), kv.group(2));
        }
        return Optional.of(b);
    }

    /** A copy of {@code jar} whose manifest says {@code Bundle-Version: version}: a new build of the plugin. */
    private Path withVersion(Path jar, String version) throws IOException {
        Path out = dir.resolve("hello-" + version + ".jar");
        try (JarFile in = new JarFile(jar.toFile())) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream copy = new JarOutputStream(Files.newOutputStream(out), manifest)) {
                Enumeration<JarEntry> entries = in.entries();
                while (entries.hasMoreElements()) {
                    JarEntry e = entries.nextElement();
                    if (e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME) || e.getName().equals("META-INF/")) {
                        continue;
                    }
                    copy.putNextEntry(new JarEntry(e.getName()));
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(copy);
                    }
                    copy.closeEntry();
                }
            }
        }
        return out;
    }

    // ---- XML-RPC with the same credentials

    /** The answer to {@code method}, empty while the server does not answer 200 (not up yet). */
    private Optional<String> rpc(String method, String... params) {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\"?><methodCall><methodName>").append(method)
                .append("</methodName><params>");
        for (String p : params) {
            body.append(p);
        }
        body.append("</params></methodCall>");
        try {
            HttpResponse<String> r = http.send(authorized(HttpRequest.newBuilder(uri("/RPC2")), USER)
                    .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(r.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean helloListed() {
        return rpc("system.listMethods").orElseThrow().contains("<string>hello.greet</string>");
    }

    private String sleeperPid() {
        return XmlRpc.member(rpc("supervisor.getProcessInfo", XmlRpc.stringParam("sleeper")).orElseThrow(), "pid")
                .orElseThrow();
    }
}
