package io.jsupervisor.rpc.xml.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/** Raw HTTP/1.1 over a socket, so that tests control every byte the server sees. */
final class Http {
    private Http() {
    }

    /** Sends {@code request} and reads until the server closes or {@code done} accepts what came. */
    static String exchange(int port, String request, Predicate<String> done) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            return readUntil(s, done, Duration.ofSeconds(10));
        }
    }

    /** Reads until {@code done} accepts the text, the server closes, or {@code limit} has passed. */
    static String readUntil(Socket socket, Predicate<String> done, Duration limit) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Instant deadline = Instant.now().plus(limit);
        byte[] buf = new byte[8192];
        while (Instant.now().isBefore(deadline)) {
            int n;
            try {
                socket.setSoTimeout((int) Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
                n = in.read(buf);
            } catch (java.net.SocketTimeoutException e) {
                break;
            }
            if (n < 0) {
                break;
            }
            got.write(buf, 0, n);
            if (done.test(got.toString(StandardCharsets.UTF_8))) {
                break;
            }
        }
        return got.toString(StandardCharsets.UTF_8);
    }

    static String post(int port, String path, String body, String... headers) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder req = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: text/xml\r\nConnection: close\r\nContent-Length: " + bytes.length + "\r\n");
        for (String h : headers) {
            req.append(h).append("\r\n");
        }
        req.append("\r\n").append(body);
        return exchange(port, req.toString(), s -> false);
    }

    static int status(String response) {
        return Integer.parseInt(response.substring(9, 12));
    }

    static String body(String response) {
        int i = response.indexOf("\r\n\r\n");
        return i < 0 ? "" : response.substring(i + 4);
    }
}
