package io.jsupervisor.rest.internal;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Counts and times every request into {@link HttpStats}: when the servlet returns, or, for an async
 * request, when it completes. The endpoint label is the request attribute {@link #ENDPOINT} (the matched
 * route) or the servlet's own pattern.
 */
abstract class MeasuredServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String ENDPOINT = "io.jsupervisor.rest.endpoint";
    /** Set by a streaming servlet: counted at once, since its duration says nothing about latency. */
    static final String STREAMING = "io.jsupervisor.rest.streaming";

    private final transient HttpStats stats;
    private final String defaultEndpoint;

    MeasuredServlet(HttpStats stats, String defaultEndpoint) {
        this.stats = stats;
        this.defaultEndpoint = defaultEndpoint;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            serve(req, resp);
        } finally {
            if (req.isAsyncStarted() && req.getAttribute(STREAMING) == null) {
                req.getAsyncContext().addListener(new AsyncListener() {
                    @Override public void onComplete(AsyncEvent e) { record(req, resp, start); }
                    @Override public void onTimeout(AsyncEvent e) { }
                    @Override public void onError(AsyncEvent e) { }
                    @Override public void onStartAsync(AsyncEvent e) { }
                });
            } else {
                record(req, resp, start);
            }
        }
    }

    /** The request's handling; by default HttpServlet's dispatch to {@code doGet} etc. */
    protected void serve(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        super.service(req, resp);
    }

    private void record(HttpServletRequest req, HttpServletResponse resp, long start) {
        Object endpoint = req.getAttribute(ENDPOINT);
        stats.record(endpoint == null ? defaultEndpoint : endpoint.toString(), req.getMethod(), resp.getStatus(),
                System.nanoTime() - start);
    }
}
