package io.jsupervisor.rest.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@code /api/v1/*}: routes each request, answers JSON. A call that waits (start with {@code wait}, update)
 * runs as an async request: no thread is held while the process starts.
 */
public class ApiServlet extends MeasuredServlet {
    private static final long serialVersionUID = 1L;
    static final String PREFIX = "/api/v1";
    static final int MAX_BODY = 64 * 1024;

    private final transient Router router;

    public ApiServlet(ProcessManager pm, HttpStats stats) {
        super(stats, PREFIX + "/*");
        this.router = new ApiRoutes(pm).router();
    }

    Router router() {
        return router;
    }

    @Override
    protected void serve(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Router.Match match = router.find(req.getMethod(), req.getPathInfo());
        if (match.route() == null) {
            if (match.allowed().isEmpty()) {
                send(resp, Reply.fault(404, Fault.UNKNOWN_METHOD, "UNKNOWN_METHOD: no such endpoint " + req.getMethod()
                        + " " + PREFIX + req.getPathInfo()));
            } else {
                resp.setHeader("Allow", String.join(", ", match.allowed()));
                send(resp, Reply.fault(405, Fault.UNKNOWN_METHOD, "UNKNOWN_METHOD: " + req.getMethod()
                        + " not allowed here; use " + String.join(", ", match.allowed())));
            }
            return;
        }
        req.setAttribute(ENDPOINT, PREFIX + match.route().template());
        if (!drained(req)) {
            send(resp, Reply.fault(413, Fault.BAD_ARGUMENTS, "BAD_ARGUMENTS: request body over " + MAX_BODY + " bytes"));
            return;
        }
        if ("POST".equals(req.getMethod())) {
            String refused = CrossSiteGuard.refusal(req);
            if (refused != null) {
                send(resp, Reply.fault(403, Fault.FAILED, "FAILED: " + refused));
                return;
            }
        }
        CompletableFuture<Reply> answer = handle(match, req);
        if (answer.isDone()) {
            send(resp, reply(answer));
            return;
        }
        AsyncContext async = req.startAsync();
        async.setTimeout(0); // a start waits startsecs, a stop stopwaitsecs: bounded by the core
        answer.whenComplete((r, e) -> async.start(() -> {
            try {
                send((HttpServletResponse) async.getResponse(), reply(answer));
            } catch (IOException | RuntimeException ignored) {
                // the client left
            } finally {
                async.complete();
            }
        }));
    }

    /**
     * Reads and drops the body (no endpoint takes one; arguments are query parameters), so the
     * connection is clean for the client's next request even when the answer is an early refusal.
     */
    private static boolean drained(HttpServletRequest req) throws IOException {
        long total = 0;
        byte[] buf = new byte[8192];
        try (var in = req.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > MAX_BODY) {
                    return false;
                }
            }
        }
        return true;
    }

    private static CompletableFuture<Reply> handle(Router.Match match, HttpServletRequest req) {
        try {
            return match.route().handler().handle(call(req, match.params()));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Reply reply(CompletableFuture<Reply> done) {
        try {
            return done.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            return failure(e.getCause() == null ? e : e.getCause());
        }
    }

    private static Reply failure(Throwable e) {
        if (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof SupervisorException s) {
            return Reply.fault(s);
        }
        if (e instanceof Router.BadRequest b) {
            return Reply.badArguments(b.getMessage());
        }
        return Reply.fault(500, Fault.FAILED, "FAILED: " + e.getClass().getName() + ":" + e.getMessage());
    }

    static void send(HttpServletResponse resp, Reply reply) throws IOException {
        byte[] body = reply.json().getBytes(StandardCharsets.UTF_8);
        resp.setStatus(reply.status());
        resp.setContentType("application/json;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private static Router.Call call(HttpServletRequest req, Map<String, String> params) {
        return new Router.Call() {
            @Override
            public String path(String name) {
                return params.get(name);
            }

            @Override
            public String query(String name) {
                return req.getParameter(name);
            }

            @Override
            public List<String> all(String name) {
                String[] v = req.getParameterValues(name);
                return v == null ? List.of() : Arrays.asList(v);
            }
        };
    }
}
