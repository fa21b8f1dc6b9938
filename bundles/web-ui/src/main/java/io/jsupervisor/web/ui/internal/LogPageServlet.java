package io.jsupervisor.web.ui.internal;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;

/** {@code GET /log.html?processname=<ns>[&channel=stderr]}: the live log viewer (its data: {@code log.txt}). */
public class LogPageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient SecureRandom random = new SecureRandom();
    private final transient LogPage page = new LogPage();

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("processname");
        if (name == null || name.isEmpty()) {
            Responses.text(resp, HttpServletResponse.SC_BAD_REQUEST, "No process name found");
            return;
        }
        String nonce = Responses.nonce(random);
        Responses.html(resp, nonce, page.render(name, "stderr".equals(req.getParameter("channel")), nonce));
    }
}
