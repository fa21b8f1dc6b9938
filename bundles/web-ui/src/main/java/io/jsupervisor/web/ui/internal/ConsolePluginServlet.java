package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;

/**
 * The JSupervisor tab of the Felix Web Console ({@code <console>/jsupervisor}), a plain servlet the console
 * wraps: for a GET of the tab the console has already written its header and we add the status table
 * ({@link StatusPage#fragment}); {@code <tab>/status.json} (a GET with an extension) is passed through
 * undecorated, for the table's live refresh (the console's servlet is not async, so no event stream: the
 * script polls); a POST is an action with the form token, as on the status page, answered 303 to the tab.
 * Links to tail, log and logtail pages go to the web UI at the root of the default context.
 */
public class ConsolePluginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String LABEL = "jsupervisor";
    static final String TITLE = "JSupervisor";
    /** Set by the console on each request: the tab's absolute path. */
    static final String PLUGIN_ROOT = "felix.webconsole.pluginRoot";

    private final transient ProcessManager pm;
    private final transient ActionPost actions;
    private final transient StatusPage page = new StatusPage();

    public ConsolePluginServlet(ProcessManager pm) {
        this.pm = pm;
        this.actions = new ActionPost(pm, new SecureRandom());
    }

    /** For tests: the token the tab's forms carry. */
    String token() {
        return actions.token();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String root = pluginRoot(req);
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        if ("POST".equals(req.getMethod())) {
            actions.handle(req, resp, root);
        } else if (!"GET".equals(req.getMethod())) {
            resp.setHeader("Allow", "GET, POST");
            Responses.text(resp, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Method Not Allowed");
        } else if (path.endsWith("/" + LABEL + "/status.json")) {
            json(resp);
        } else if (path.endsWith("/" + LABEL) || path.endsWith("/" + LABEL + "/")) {
            tab(req, resp, root);
        } else {
            Responses.text(resp, HttpServletResponse.SC_NOT_FOUND, "Not Found");
        }
    }

    private void tab(HttpServletRequest req, HttpServletResponse resp, String root) throws IOException {
        String html;
        try {
            List<ProcessInfo> processes = pm.allProcessInfo();
            html = page.fragment(processes, HealthBadges.of(pm), req.getParameter("message"), actions.token(),
                    new PageLinks(root, "/", root + "/"));
        } catch (SupervisorException e) {
            html = "<p>" + Html.escape(e.getMessage()) + "</p>";
        }
        // the console has set the content type and written its header through the writer already
        resp.getWriter().write(html);
    }

    private void json(HttpServletResponse resp) throws IOException {
        String body;
        try {
            body = StatusJson.render(pm.allProcessInfo(), HealthBadges.of(pm));
        } catch (SupervisorException e) {
            Responses.text(resp, HttpServletResponse.SC_SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        resp.setHeader("Cache-Control", "no-store");
        Responses.write(resp, "application/json", body);
    }

    /** The console's attribute, or the same path worked out from the request (tests, other consoles). */
    private static String pluginRoot(HttpServletRequest req) {
        Object root = req.getAttribute(PLUGIN_ROOT);
        if (root instanceof String s && !s.isEmpty()) {
            return s;
        }
        return req.getContextPath() + req.getServletPath() + "/" + LABEL;
    }
}
