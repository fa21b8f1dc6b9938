package io.jsupervisor.rest.internal;

import io.jsupervisor.core.internal.ProcMeter;
import java.nio.file.Path;

/** The bundle's three servlets on a test Jetty, on one fake core and one {@link Telemetry}. */
final class RestServer implements AutoCloseable {
    final FakeProcessManager pm;
    final Telemetry telemetry;
    final ApiServlet api;
    final TestServer server;

    RestServer(FakeProcessManager pm) throws Exception {
        this(pm, Telemetry.JOURNAL_CAPACITY);
    }

    RestServer(FakeProcessManager pm, int journalCapacity) throws Exception {
        this.pm = pm;
        this.telemetry = new Telemetry(pm, journalCapacity);
        this.api = new ApiServlet(pm, telemetry.http);
        this.server = new TestServer()
                .servlet(api, ApiServlet.PREFIX + "/*")
                .servlet(new EventsServlet(telemetry), EventsServlet.PATH)
                .servlet(new MetricsServlet(pm, telemetry, new ProcMeter(Path.of("/proc"))), MetricsServlet.PATH)
                .start();
    }

    String url(String path) {
        return server.url(path);
    }

    String api(String path) {
        return server.url(ApiServlet.PREFIX + path);
    }

    @Override
    public void close() throws Exception {
        telemetry.close();
        server.close();
    }
}
