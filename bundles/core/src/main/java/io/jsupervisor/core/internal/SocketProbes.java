package io.jsupervisor.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * {@code tcp://host:port} (the connection is made, then closed) and {@code http(s)://…} (a plain HTTP/1.1 GET
 * with {@code Connection: close}; 2xx and 3xx pass, redirects are not followed) over a client socket. A plain
 * socket rather than {@code java.net.http.HttpClient}: no selector thread, no connection pool, and one timeout
 * that bounds connect, TLS handshake and the status line together.
 */
final class SocketProbes {
    private static final int MAX_STATUS_LINE = 8192;

    private SocketProbes() {
    }

    static HealthProbe tcp(URI uri, long timeoutMs) {
        return () -> {
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            try (Socket s = connect(uri.getHost(), uri.getPort(), deadline, timeoutMs)) {
                return new HealthProbe.Result(true, "connected");
            } catch (IOException e) {
                return new HealthProbe.Result(false, failure(e, uri.getHost(), timeoutMs));
            }
        };
    }

    static HealthProbe http(URI uri, long timeoutMs) {
        boolean tls = uri.getScheme().toLowerCase(Locale.ROOT).equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String hostHeader = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: jsupervisor-healthcheck"
                + "\r\nAccept: */*\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return () -> {
            long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
            try (Socket s = open(uri.getHost(), port, tls, deadline, timeoutMs)) {
                OutputStream out = s.getOutputStream();
                out.write(request);
                out.flush();
                String status = statusLine(s, deadline);
                String[] parts = status.split(" ", 3);
                if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("[0-9]{3}")) {
                    return new HealthProbe.Result(false, "no HTTP status line");
                }
                int code = Integer.parseInt(parts[1]);
                return new HealthProbe.Result(code >= 200 && code < 400, "HTTP " + code);
            } catch (IOException e) {
                return new HealthProbe.Result(false, failure(e, uri.getHost(), timeoutMs));
            }
        };
    }

    private static Socket open(String host, int port, boolean tls, long deadline, long timeoutMs) throws IOException {
        Socket plain = connect(host, port, deadline, timeoutMs);
        if (!tls) {
            return plain;
        }
        try {
            SSLSocket s = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(plain, bare(host), port, true);
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            s.setSSLParameters(p);
            s.setSoTimeout(remaining(deadline));
            s.startHandshake();
            return s;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static Socket connect(String host, int port, long deadline, long timeoutMs) throws IOException {
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(bare(host), port), (int) Math.max(1, Math.min(timeoutMs, Integer.MAX_VALUE)));
            s.setSoTimeout(remaining(deadline));
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** The first line of the answer, read within the deadline. */
    private static String statusLine(Socket s, long deadline) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder line = new StringBuilder();
        while (line.length() < MAX_STATUS_LINE) {
            s.setSoTimeout(remaining(deadline));
            int c = in.read();
            if (c < 0 || c == '\n') {
                break;
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private static int remaining(long deadline) throws SocketTimeoutException {
        long ms = (deadline - System.nanoTime()) / 1_000_000L;
        if (ms <= 0) {
            throw new SocketTimeoutException();
        }
        return (int) Math.min(ms, Integer.MAX_VALUE);
    }

    /** {@code [::1]} as URI gives it → {@code ::1}. */
    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String failure(IOException e, String host, long timeoutMs) {
        if (e instanceof SocketTimeoutException) {
            return "timed out after " + HealthSettings.seconds(timeoutMs);
        }
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + host;
        }
        String m = e.getMessage();
        return (m == null ? e.getClass().getSimpleName() : m).replace('\n', ' ');
    }
}
