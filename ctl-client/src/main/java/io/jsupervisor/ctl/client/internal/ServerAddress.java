package io.jsupervisor.ctl.client.internal;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.URI;
import java.nio.file.Path;

/**
 * Where a serverurl points: {@code http://host[:port]} (port 80 by default; any path is ignored, the calls
 * go to {@code /RPC2} as in the reference) or {@code unix:///abs/path}.
 *
 * @param url        the serverurl as given (shown in error messages)
 * @param socketFile the unix socket, or {@code null} for TCP
 */
public record ServerAddress(String url, String host, int port, Path socketFile) {

    public static ServerAddress parse(String url) {
        if (url.startsWith("unix://")) {
            return new ServerAddress(url, "localhost", 0, Path.of(url.substring("unix://".length())));
        }
        if (url.startsWith("http://")) {
            String host;
            URI uri;
            try {
                uri = URI.create(url);
                host = uri.getHost();
            } catch (IllegalArgumentException e) {
                return new ServerAddress(url, null, -1, null);
            }
            if (host == null) {
                return new ServerAddress(url, null, -1, null);
            }
            return new ServerAddress(url, host, uri.getPort() < 0 ? 80 : uri.getPort(), null);
        }
        // the reference fails at the first call, not at start-up
        return new ServerAddress(url, null, -1, null);
    }

    /** Neither http:// nor unix://. */
    public boolean isUnsupported() {
        return port < 0;
    }

    public boolean isUnix() {
        return socketFile != null;
    }

    SocketAddress socketAddress() {
        return isUnix() ? UnixDomainSocketAddress.of(socketFile) : new InetSocketAddress(host, port);
    }

    /** The Host header the reference's http_client sends with a GET: {@code host[:port]}, empty for unix. */
    String hostHeader() {
        if (isUnix()) {
            return "";
        }
        String netloc = url.substring("http://".length());
        int slash = netloc.indexOf('/');
        netloc = slash < 0 ? netloc : netloc.substring(0, slash);
        int at = netloc.lastIndexOf('@');
        return at < 0 ? netloc : netloc.substring(at + 1);
    }
}
