package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /status.json}: the rows of the status page, for its script. */
public class StatusJsonServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ProcessManager pm;

    public StatusJsonServlet(ProcessManager pm) {
        this.pm = pm;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String body;
        try {
            body = StatusJson.render(pm.allProcessInfo(), HealthBadges.of(pm));
        } catch (SupervisorException e) {
            // e.g. SHUTDOWN_STATE while the daemon stops: the page shows "live update paused"
            Responses.text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        resp.setHeader("Cache-Control", "no-store");
        Responses.write(resp, "application/json", body);
    }
}
