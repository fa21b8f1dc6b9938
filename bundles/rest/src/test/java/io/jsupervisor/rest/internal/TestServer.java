package io.jsupervisor.rest.internal;

import jakarta.servlet.http.HttpServlet;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A plain Jetty 12 (the one inside Felix HTTP) on 127.0.0.1, an ephemeral port, with our servlets. */
final class TestServer implements AutoCloseable {
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final ServletContextHandler context = new ServletContextHandler();

    TestServer() {
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        context.setContextPath("/");
        server.setHandler(context);
    }

    TestServer servlet(HttpServlet servlet, String... patterns) {
        return servlet(servlet, true, patterns);
    }

    /** Async off, as the Web Console registers its servlet. */
    TestServer servlet(HttpServlet servlet, boolean async, String... patterns) {
        ServletHolder holder = new ServletHolder(servlet);
        holder.setAsyncSupported(async);
        for (String p : patterns) {
            context.addServlet(holder, p);
        }
        return this;
    }

    TestServer start() throws Exception {
        server.start();
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + connector.getLocalPort() + path;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
