package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * {@code GET /tail.html?processname=<ns>&limit=<n>}: the last {@code max(1024, n)} bytes of the
 * process's stdout log, as the reference's TailView reads them.
 */
public class TailServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final long MIN_LIMIT = 1024;
    /** Our cap (the reference has none): a page of more than this is no use in a browser. */
    static final long MAX_LIMIT = 16L * 1024 * 1024;

    private final transient ProcessManager pm;
    private final transient SecureRandom random = new SecureRandom();
    private final transient TailPage page = new TailPage();

    public TailServlet(ProcessManager pm) {
        this.pm = pm;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String processname = req.getParameter("processname");
        long limit = limit(req.getParameter("limit"));
        String tail;
        if (processname == null || processname.isEmpty()) {
            tail = "No process name found";
        } else {
            tail = read(processname, limit);
        }
        String nonce = Responses.nonce(random);
        Responses.html(resp, nonce, page.render(processname, tail, limit, nonce));
    }

    private String read(String processname, long limit) {
        try {
            byte[] bytes = pm.readProcessLog(processname, LogChannel.STDOUT, -limit, 0);
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (SupervisorException e) {
            if (e.fault() == Fault.NO_FILE) {
                return "No file for " + processname;
            }
            return "ERROR: unexpected rpc fault [" + e.fault().code() + "] " + e.getMessage();
        }
    }

    /** The reference: digits only count, and never below 1024. */
    static long limit(String param) {
        if (param == null || param.isEmpty() || !param.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return MIN_LIMIT;
        }
        if (param.length() > 9) {
            return MAX_LIMIT;
        }
        return Math.min(MAX_LIMIT, Math.max(MIN_LIMIT, Long.parseLong(param)));
    }
}
