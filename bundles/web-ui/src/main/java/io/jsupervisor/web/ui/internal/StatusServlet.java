package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Year;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The status page at {@code /} and {@code /index.html}. GET shows it (an {@code action} in the query is
 * ignored: actions are POST only); POST runs an action if the form token matches (else 403) and
 * answers 303 to {@code /?message=...} once the action is done. Registered as the whiteboard's default
 * servlet ({@code /}), so every other path that no servlet claims is answered here with 404.
 */
public class StatusServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ProcessManager pm;
    private final transient SecureRandom random = new SecureRandom();
    private final transient CsrfToken token = new CsrfToken(random);
    private final transient StatusPage page = new StatusPage();
    private final transient ActionRunner runner;

    public StatusServlet(ProcessManager pm) {
        this.pm = pm;
        this.runner = new ActionRunner(pm);
    }

    /** For tests: the token pages carry. */
    String token() {
        return token.value();
    }

    /** Paths other than the page's are 404 whatever the method (not 405). */
    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        if (!isPagePath(req)) {
            Responses.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not Found");
            return;
        }
        super.service(req, resp);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        List<ProcessInfo> processes;
        try {
            processes = pm.allProcessInfo();
        } catch (SupervisorException e) {
            // SHUTDOWN_STATE while the daemon stops or restarts
            Responses.text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        String nonce = Responses.nonce(random);
        String html = page.render(processes, req.getParameter("message"), token.value(), nonce,
                Year.now().getValue());
        Responses.html(resp, nonce, html);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!token.matches(req.getParameter(CsrfToken.PARAM))) {
            Responses.text(resp, HttpServletResponse.SC_FORBIDDEN,
                    "Forbidden: missing or wrong form token; reload the status page and try again");
            return;
        }
        String action = req.getParameter("action");
        String home = req.getContextPath() + "/";
        if (action == null || action.isEmpty()) {
            redirect(resp, home);
            return;
        }
        CompletionStage<String> message;
        try {
            message = runner.run(action, req.getParameter("processname"));
        } catch (IllegalArgumentException e) {
            Responses.text(resp, HttpServletResponse.SC_BAD_REQUEST, e.getMessage());
            return;
        }
        // starts and stops may wait for seconds: hold no thread meanwhile
        AsyncContext async = req.startAsync();
        async.setTimeout(0);
        message.whenComplete((text, failure) -> {
            try {
                String shown = failure == null ? text : "ERROR: " + failure;
                redirect((HttpServletResponse) async.getResponse(), home + "?message=" + Html.encode(shown));
            } finally {
                async.complete();
            }
        });
    }

    private static void redirect(HttpServletResponse resp, String location) {
        resp.setStatus(HttpServletResponse.SC_SEE_OTHER);
        resp.setHeader("Location", location);
        resp.setContentLength(0);
    }

    /** {@code /} or {@code /index.html}; anything else reached the default servlet because nothing else matched. */
    private static boolean isPagePath(HttpServletRequest req) {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        return path.isEmpty() || path.equals("/") || path.equals("/index.html");
    }
}
