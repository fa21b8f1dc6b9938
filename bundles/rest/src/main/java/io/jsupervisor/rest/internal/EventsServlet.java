package io.jsupervisor.rest.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /api/v1/events}: the journal as server-sent events. {@code Last-Event-ID} (header, or the
 * {@code lastEventId} parameter for the first connection) resumes after that id; {@code ?logs=true}
 * adds the processes' output.
 */
public class EventsServlet extends MeasuredServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = ApiServlet.PREFIX + "/events";

    private final transient EventStream stream;

    public EventsServlet(Telemetry telemetry) {
        super(telemetry.http, PATH);
        this.stream = telemetry.stream;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        long lastId;
        boolean logs;
        try {
            lastId = lastEventId(req);
            logs = flag(req.getParameter("logs"));
        } catch (IllegalArgumentException e) {
            ApiServlet.send(resp, Reply.badArguments(e.getMessage()));
            return;
        }
        req.setAttribute(STREAMING, Boolean.TRUE);
        resp.setContentType("text/event-stream;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Accel-Buffering", "no"); // a proxy in front must not buffer the stream
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.flushBuffer();
        AsyncContext async = req.startAsync();
        async.setTimeout(0); // open until the client leaves or the bundle stops
        stream.add(async, lastId, logs);
    }

    private static long lastEventId(HttpServletRequest req) {
        String v = req.getHeader("Last-Event-ID");
        if (v == null || v.isBlank()) {
            v = req.getParameter("lastEventId");
        }
        if (v == null || v.isBlank()) {
            return -1;
        }
        try {
            long id = Long.parseLong(v.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Last-Event-ID must be an event id, not " + v);
        }
    }

    private static boolean flag(String v) {
        if (v == null || v.equals("false") || v.equals("0")) {
            return false;
        }
        if (v.equals("true") || v.equals("1")) {
            return true;
        }
        throw new IllegalArgumentException("logs must be true or false, not " + v);
    }
}
