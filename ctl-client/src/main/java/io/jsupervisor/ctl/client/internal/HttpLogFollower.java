package io.jsupervisor.ctl.client.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;

/**
 * {@code tail -f}, {@code maintail -f} and {@code fg}'s output: {@code GET /logtail/…} or {@code /mainlogtail}
 * streamed to stdout until the server closes or {@link #stop} is called (Ctrl-C). A status other than 200 is
 * reported on stderr as the reference's http_client does: {@code <url> Cannot read, status code N}.
 */
public final class HttpLogFollower {
    private final ServerSettings settings;
    private volatile HttpConnection connection;
    private volatile boolean stopped;

    public HttpLogFollower(ServerSettings settings) {
        this.settings = settings;
    }

    public void follow(String path, OutputStream out, PrintStream err) {
        ServerAddress address = settings.address();
        String url = address.url() + path;
        try (HttpConnection opened = HttpConnection.open(address)) {
            connection = opened;
            if (stopped) {
                return;
            }
            StringBuilder head = new StringBuilder("GET ").append(path).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(address.hostHeader()).append("\r\n")
                    .append("Accept-Encoding: chunked\r\n")
                    .append("Accept: */*\r\n")
                    .append("User-agent: jsupervisor-supervisorctl\r\n");
            String password = settings.password();
            if (password != null && !password.isEmpty()) {
                head.append("Authorization: ").append(XmlRpcClient.basicAuth(
                        settings.username() == null ? "" : settings.username(), password)).append("\r\n");
            }
            opened.send(head.append("\r\n").toString(), null);
            HttpResponse response = opened.readHead();
            if (response.status() != 200) {
                err.println(url + " Cannot read, status code " + response.status());
                err.flush();
                return;
            }
            opened.streamBody(response, out);
            out.flush();
        } catch (IOException | RuntimeException e) {
            if (!stopped) {
                err.println(url + " Cannot connect, error: " + e.getMessage());
                err.flush();
            }
        } finally {
            connection = null;
        }
    }

    /** Ends {@link #follow} from another thread (the Ctrl-C handler). */
    public void stop() {
        stopped = true;
        HttpConnection open = connection;
        if (open != null) {
            open.close();
        }
    }
}
