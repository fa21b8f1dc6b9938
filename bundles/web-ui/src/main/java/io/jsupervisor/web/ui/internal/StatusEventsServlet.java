package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessManager;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /status.events}: status.json's content as server-sent events, pushed when it changes. */
public class StatusEventsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient StatusBroadcaster broadcaster;

    public StatusEventsServlet(ProcessManager pm, long periodMillis) {
        this.broadcaster = new StatusBroadcaster(() -> StatusJson.render(pm.allProcessInfo(), HealthBadges.of(pm)), periodMillis);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/event-stream;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Accel-Buffering", "no"); // a proxy in front must not buffer the stream
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.flushBuffer();
        AsyncContext async = req.startAsync();
        async.setTimeout(0); // open until the client leaves or the bundle stops
        broadcaster.add(async);
    }

    int listenerCount() {
        return broadcaster.listenerCount();
    }

    /** Ends all streams; called when the component goes away. */
    void stop() {
        broadcaster.close();
    }
}
