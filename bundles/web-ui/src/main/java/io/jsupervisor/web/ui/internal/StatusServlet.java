package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Year;
import java.util.List;

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
    private final transient ActionPost actions;
    private final transient StatusPage page = new StatusPage();

    public StatusServlet(ProcessManager pm) {
        this.pm = pm;
        this.actions = new ActionPost(pm, random);
    }

    /** For tests: the token pages carry. */
    String token() {
        return actions.token();
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
        java.util.Map<String, io.jsupervisor.api.HealthInfo> health;
        try {
            processes = pm.allProcessInfo();
            health = HealthBadges.of(pm);
        } catch (SupervisorException e) {
            // SHUTDOWN_STATE while the daemon stops or restarts
            Responses.text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        String nonce = Responses.nonce(random);
        String html = page.render(processes, health, req.getParameter("message"), actions.token(), nonce,
                Year.now().getValue());
        Responses.html(resp, nonce, html);
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        actions.handle(req, resp, req.getContextPath() + "/");
    }

    /** {@code /} or {@code /index.html}; anything else reached the default servlet because nothing else matched. */
    private static boolean isPagePath(HttpServletRequest req) {
        String path = req.getServletPath() + (req.getPathInfo() == null ? "" : req.getPathInfo());
        return path.isEmpty() || path.equals("/") || path.equals("/index.html");
    }
}
