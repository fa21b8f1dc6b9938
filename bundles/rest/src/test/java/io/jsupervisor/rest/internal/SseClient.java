package io.jsupervisor.rest.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A raw-socket event-stream client for the tests: sends the request, parses the events as they come. */
final class SseClient implements AutoCloseable {
    /** One parsed event; {@code id} is -1 when the event had none. */
    record Event(long id, String event, String data) {
    }

    private final Socket socket;
    private final InputStream in;
    private final ByteArrayOutputStream got = new ByteArrayOutputStream();
    private int parsed; // characters of the body already turned into events
    private int bodyStart = -1;
    private final List<Event> events = new ArrayList<>();
    private boolean closed;

    SseClient(String url, String lastEventId) throws IOException {
        URI uri = URI.create(url);
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(100);
        String request = "GET " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + " HTTP/1.0\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nAccept: text/event-stream\r\n"
                + (lastEventId == null ? "" : "Last-Event-ID: " + lastEventId + "\r\n") + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        in = socket.getInputStream();
    }

    String head() {
        String all = got.toString(StandardCharsets.UTF_8);
        return bodyStart < 0 ? all : all.substring(0, bodyStart);
    }

    /** Reads until {@code n} events (of any kind) arrived, the stream ended, or 20 s passed; returns them all. */
    List<Event> awaitEvents(int n) throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        byte[] buf = new byte[8192];
        while (events.size() < n && !closed && Instant.now().isBefore(deadline)) {
            int r;
            try {
                r = in.read(buf);
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (r < 0) {
                closed = true;
                break;
            }
            got.write(buf, 0, r);
            parse();
        }
        return List.copyOf(events);
    }

    /** Reads until the stream's opening {@code retry:} line arrived: the server has placed the cursor. */
    SseClient awaitOpen() throws IOException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        byte[] buf = new byte[1];
        while (!got.toString(StandardCharsets.UTF_8).contains("retry: ") && Instant.now().isBefore(deadline)) {
            int r;
            try {
                r = in.read(buf); // byte by byte: nothing after the opening is consumed here
            } catch (SocketTimeoutException e) {
                continue;
            }
            if (r < 0) {
                throw new IOException("stream ended before it opened: " + got);
            }
            got.write(buf, 0, r);
        }
        parse();
        return this;
    }

    boolean ended() {
        return closed;
    }

    /** HTTP/1.0, so the body is the plain stream, not chunked. */
    private void parse() {
        String all = got.toString(StandardCharsets.UTF_8);
        if (bodyStart < 0) {
            int h = all.indexOf("\r\n\r\n");
            if (h < 0) {
                return;
            }
            bodyStart = h + 4;
            parsed = bodyStart;
        }
        while (true) {
            int end = all.indexOf("\n\n", parsed);
            if (end < 0) {
                return;
            }
            String block = all.substring(parsed, end);
            parsed = end + 2;
            long id = -1;
            String event = "message";
            String data = null;
            for (String line : block.split("\n")) {
                line = line.replace("\r", "");
                if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (data != null) {
                events.add(new Event(id, event, data));
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
