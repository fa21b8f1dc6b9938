package io.jsupervisor.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A raw XML-RPC client: a POST to /RPC2 and regular expressions on the answer, as a third-party client sees it. */
public final class XmlRpc {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;

    public XmlRpc(int port) {
        this.endpoint = URI.create("http://127.0.0.1:" + port + "/RPC2");
    }

    /** @param params already-encoded {@code <param>} elements */
    public String call(String method, String... params) throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\"?><methodCall><methodName>").append(method)
                .append("</methodName><params>");
        for (String param : params) {
            body.append(param);
        }
        body.append("</params></methodCall>");
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "text/xml")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " from " + method);
        }
        return response.body();
    }

    public static String stringParam(String value) {
        return "<param><value><string>" + value + "</string></value></param>";
    }

    /** The value of struct member {@code name} in an answer, when it is a scalar. */
    public static Optional<String> member(String answer, String name) {
        Matcher m = Pattern.compile("<name>" + Pattern.quote(name)
                + "</name>\\s*<value>\\s*(?:<(?:string|int|i4|boolean)>)?([^<]*)").matcher(answer);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The answer to {@code method}, or empty while the server does not answer it (not up yet). */
    public Optional<String> tryCall(String method, String... params) {
        try {
            return Optional.of(call(method, params));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
