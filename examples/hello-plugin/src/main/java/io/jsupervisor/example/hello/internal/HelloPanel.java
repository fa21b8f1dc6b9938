package io.jsupervisor.example.hello.internal;

import io.jsupervisor.rpc.xml.HttpAuth;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * A web panel at {@code /hello}: a servlet on the HTTP whiteboard, so it is served on the same port, behind
 * the same [inet_http_server] credentials as the status page and the RPC (and only while that check is there).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/hello")
public final class HelloPanel extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient EventCounter events;

    /** Served only behind the daemon's credentials check: no filter, no page (see {@link HttpAuth}). */
    @Reference(target = HttpAuth.TARGET)
    private transient Filter authGate;

    @Activate
    public HelloPanel(@Reference EventCounter events) {
        this.events = events;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, Integer> e : events.counts().entrySet()) {
            rows.append("<tr><td>").append(e.getKey()).append("</td><td>").append(e.getValue()).append("</td></tr>");
        }
        resp.setContentType("text/html; charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        // event type names are [A-Z_0-9] and the greeting's input is escaped: nothing here needs more escaping
        resp.getWriter().write("<!DOCTYPE html><html><head><title>Hello</title></head><body><h1>"
                + escape(Greeting.of(req.getParameter("who"))) + "</h1><table><tr><th>event</th><th>count</th></tr>"
                + rows + "</table></body></html>");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
