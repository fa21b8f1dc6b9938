package io.jsupervisor.ctl.client.internal;

import io.jsupervisor.ctl.shell.ConnectionFailure;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 exchange on a fresh connection (the reference's client also opens one per call), over TCP or
 * a unix socket (JDK 16+). No timeouts: the server holds "wait" replies as long as a start or stop takes.
 * Bodies are limited to {@value #MAX_BODY} bytes and headers to {@value #MAX_HEADER} so a hostile server
 * cannot exhaust memory.
 */
public final class HttpConnection implements AutoCloseable {
    static final int MAX_BODY = 128 * 1024 * 1024;
    static final int MAX_HEADER = 64 * 1024;

    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private HttpConnection(SocketChannel channel) {
        this.channel = channel;
        this.in = new java.io.BufferedInputStream(Channels.newInputStream(channel), 16 * 1024);
        this.out = Channels.newOutputStream(channel);
    }

    /** Connects, telling a refused connection and a missing socket file apart as the reference does. */
    public static HttpConnection open(ServerAddress address) {
        if (address.isUnsupported()) {
            throw new io.jsupervisor.ctl.shell.ClientError("ValueError", "Unknown protocol for serverurl "
                    + address.url());
        }
        SocketChannel channel = null;
        try {
            channel = address.isUnix() ? SocketChannel.open(java.net.StandardProtocolFamily.UNIX) : SocketChannel.open();
            channel.connect(address.socketAddress());
            if (!address.isUnix()) {
                channel.socket().setTcpNoDelay(true);
            }
            return new HttpConnection(channel);
        } catch (IOException | java.nio.channels.UnresolvedAddressException e) {
            closeQuietly(channel);
            throw failure(address, e);
        }
    }

    private static ConnectionFailure failure(ServerAddress address, Exception e) {
        String message = String.valueOf(e.getMessage());
        if (address.isUnix() && !Files.exists(address.socketFile())) {
            return ConnectionFailure.noSuchFile(e);
        }
        if (e instanceof ConnectException || message.contains("Connection refused")) {
            return ConnectionFailure.refused(e);
        }
        if (e instanceof java.nio.channels.UnresolvedAddressException || e instanceof java.net.UnknownHostException) {
            return new ConnectionFailure(ConnectionFailure.Kind.OTHER, "socket.gaierror",
                    "[Errno -2] Name or service not known", e);
        }
        return new ConnectionFailure(ConnectionFailure.Kind.OTHER, e instanceof SocketException
                ? "OSError" : e.getClass().getSimpleName(), message, e);
    }

    public void send(String head, byte[] body) throws IOException {
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            out.write(body);
        }
        out.flush();
    }

    /** Reads the status line and headers. */
    public HttpResponse readHead() throws IOException {
        String statusLine = readLine();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("bad status line " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad status line " + statusLine, e);
        }
        Map<String, String> headers = new HashMap<>();
        int headerBytes = statusLine.length();
        while (true) {
            String line = readLine();
            headerBytes += line.length();
            if (headerBytes > MAX_HEADER) {
                throw new IOException("response headers too long");
            }
            if (line.isEmpty()) {
                break;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
        return new HttpResponse(status, parts.length > 2 ? parts[2] : "", headers, null);
    }

    /** The whole body after {@link #readHead}: chunked, by Content-Length, or up to the connection's end. */
    public byte[] readBody(HttpResponse head) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equalsIgnoreCase(head.headers().get("transfer-encoding"))) {
            while (readChunk(body)) {
                // next chunk
            }
            return body.toByteArray();
        }
        String length = head.headers().get("content-length");
        if (length != null) {
            long size;
            try {
                size = Long.parseLong(length);
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length " + length, e);
            }
            if (size < 0 || size > MAX_BODY) {
                throw new IOException("response body of " + size + " bytes refused");
            }
            copy(body, size);
            return body.toByteArray();
        }
        copy(body, Long.MAX_VALUE);
        return body.toByteArray();
    }

    /** Copies the body to {@code sink} as it arrives (log streaming), until the server closes. */
    public void streamBody(HttpResponse head, OutputStream sink) throws IOException {
        if ("chunked".equalsIgnoreCase(head.headers().get("transfer-encoding"))) {
            while (readChunk(sink)) {
                sink.flush();
            }
            return;
        }
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer, 0, in.available() > 0 ? Math.min(buffer.length, in.available()) : 1)) > 0) {
            sink.write(buffer, 0, read);
            if (in.available() == 0) {
                sink.flush();
            }
        }
    }

    private boolean readChunk(OutputStream sink) throws IOException {
        String sizeLine = readLine();
        int semicolon = sizeLine.indexOf(';');
        long size;
        try {
            size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).strip(), 16);
        } catch (NumberFormatException e) {
            throw new IOException("bad chunk size " + sizeLine, e);
        }
        if (size == 0) {
            // trailers up to the empty line
            while (!readLine().isEmpty()) {
                // skip
            }
            return false;
        }
        if (size < 0 || size > MAX_BODY || (sink instanceof ByteArrayOutputStream b && b.size() + size > MAX_BODY)) {
            throw new IOException("response body too large");
        }
        copy(sink, size);
        readLine();
        return true;
    }

    private void copy(OutputStream sink, long size) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        long left = size;
        long total = 0;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                if (size == Long.MAX_VALUE) {
                    return;
                }
                throw new EOFException("connection closed in the body");
            }
            total += read;
            if (total > MAX_BODY) {
                throw new IOException("response body too large");
            }
            sink.write(buffer, 0, read);
            left -= read;
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.length() == 0) {
                    throw new EOFException("connection closed");
                }
                break;
            }
            if (b == '\n') {
                break;
            }
            if (line.length() > MAX_HEADER) {
                throw new IOException("line too long");
            }
            line.append((char) b);
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
