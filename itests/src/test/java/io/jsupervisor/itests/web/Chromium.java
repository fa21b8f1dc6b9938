package io.jsupervisor.itests.web;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Debian Chromium driven through {@code /usr/bin/chromedriver}'s W3C WebDriver HTTP protocol, with
 * the few commands these tests need (navigate, run a script, click, type, window size, screenshot). A small
 * client of our own because the itests module has no Selenium on its class path; nothing is downloaded.
 */
final class Chromium implements AutoCloseable {
    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Process driver;
    private final String endpoint;
    private final String session;

    static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    Chromium() throws IOException {
        int port = Distribution.freePort();
        driver = new ProcessBuilder(DRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        endpoint = "http://127.0.0.1:" + port;
        Poll.until(Duration.ofSeconds(20), "chromedriver to answer", () -> {
            try {
                return Optional.of(send("GET", "/status", null)).filter(s -> s.contains("\"ready\":true"));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
        String answer = send("POST", "/session", "{\"capabilities\":{\"alwaysMatch\":{\"browserName\":\"chrome\","
                + "\"goog:chromeOptions\":{\"binary\":" + str(BROWSER.toString()) + ",\"args\":["
                + "\"--headless=new\",\"--no-sandbox\",\"--disable-gpu\",\"--disable-dev-shm-usage\",\"--no-first-run\","
                + "\"--disable-background-networking\",\"--disable-component-update\",\"--disable-sync\","
                + "\"--window-size=1100,800\"]}}}}");
        session = "/session/" + find(answer, "\"sessionId\"\\s*:\\s*\"([^\"]+)\"");
    }

    void open(String url) throws IOException {
        send("POST", session + "/url", "{\"url\":" + str(url) + "}");
    }

    String currentUrl() throws IOException {
        return value(send("GET", session + "/url", null));
    }

    /** Runs {@code body} as a function of {@code args} (strings) and returns its result as a string. */
    String js(String body, String... args) throws IOException {
        return value(send("POST", session + "/execute/sync", script(body, args)));
    }

    /** Like {@link #js}, for a body that calls {@code done(result)} later (e.g. after a fetch). */
    String jsAsync(String body, String... args) throws IOException {
        String wrapped = "const done = (v) => arguments[arguments.length - 1](String(v));" + body;
        StringBuilder json = new StringBuilder("{\"script\":").append(str(wrapped)).append(",\"args\":[");
        for (int i = 0; i < args.length; i++) {
            json.append(i > 0 ? "," : "").append(str(args[i]));
        }
        return value(send("POST", session + "/execute/async", json.append("]}").toString()));
    }

    /** A real pointer click in the middle of the first element matching {@code css}. */
    void click(String css) throws IOException {
        send("POST", session + "/element/" + element(css) + "/click", "{}");
    }

    void type(String css, String text) throws IOException {
        send("POST", session + "/element/" + element(css) + "/value", "{\"text\":" + str(text) + "}");
    }

    void windowSize(int width, int height) throws IOException {
        send("POST", session + "/window/rect", "{\"width\":" + width + ",\"height\":" + height + "}");
    }

    byte[] screenshot() throws IOException {
        return Base64.getDecoder().decode(value(send("GET", session + "/screenshot", null)));
    }

    /** Polls a script until it answers {@code expected}; fails with the last answer. */
    void waitFor(String what, String expected, String body, String... args) {
        String[] last = {""};
        try {
            Poll.until(Duration.ofSeconds(30), what, () -> {
                try {
                    last[0] = js(body, args);
                    return expected.equals(last[0]);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (AssertionError e) {
            throw new AssertionError(what + ": expected <" + expected + "> but the page said <" + last[0] + ">", e);
        }
    }

    @Override
    public void close() {
        try {
            send("DELETE", session, null);
        } catch (IOException | RuntimeException e) {
            // the driver goes away below anyway
        } finally {
            driver.destroy();
        }
    }

    private String element(String css) throws IOException {
        String answer = send("POST", session + "/element", "{\"using\":\"css selector\",\"value\":" + str(css) + "}");
        return find(answer, "\"" + ELEMENT + "\"\\s*:\\s*\"([^\"]+)\"");
    }

    private static String script(String body, String... args) {
        String wrapped = "return String((function () {" + body + "}).apply(null, arguments));";
        StringBuilder json = new StringBuilder("{\"script\":").append(str(wrapped)).append(",\"args\":[");
        for (int i = 0; i < args.length; i++) {
            json.append(i > 0 ? "," : "").append(str(args[i]));
        }
        return json.append("]}").toString();
    }

    private String send(String method, String path, String json) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint + path)).timeout(Duration.ofSeconds(60));
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json; charset=utf-8")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("WebDriver " + method + " " + path + ": " + response.statusCode() + " "
                    + response.body());
        }
        return response.body();
    }

    private static String find(String answer, String regex) {
        Matcher m = Pattern.compile(regex).matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("unexpected WebDriver answer: " + answer);
        }
        return m.group(1);
    }

    /** The string in {@code {"value":"..."}}; scripts here always return strings. */
    private static String value(String answer) {
        Matcher m = Pattern.compile("\"value\"\\s*:\\s*\"").matcher(answer);
        if (!m.find()) {
            throw new IllegalStateException("not a string value: " + answer);
        }
        StringBuilder out = new StringBuilder();
        for (int i = m.end(); i < answer.length(); i++) {
            char c = answer.charAt(i);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = answer.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(answer.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        throw new IllegalStateException("unterminated string: " + answer);
    }

    /** A JSON string literal. */
    static String str(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
