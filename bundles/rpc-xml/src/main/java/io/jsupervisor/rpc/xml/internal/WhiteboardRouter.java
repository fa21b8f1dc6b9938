package io.jsupervisor.rpc.xml.internal;

import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The unix-socket server's share of the servlet whiteboard: the servlets other bundles (the web UI) register
 * with {@code osgi.http.whiteboard.servlet.pattern} for the default context, served here too, as the reference
 * serves its UI on every HTTP server. Mounted as this context's default servlet, it picks the tracked servlet
 * by the Servlet specification's rules (exact, longest prefix {@code /x/*}, extension {@code *.x}, default
 * {@code /}) and hands it the request with that mapping's servlet path and path info.
 *
 * <p>The servlets stay initialised by the whiteboard (Felix HTTP) only: they are shared, never initialised or
 * destroyed here, so a servlet that reads its ServletConfig in {@code init} sees Felix's.
 */
final class WhiteboardRouter extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PATTERN = "osgi.http.whiteboard.servlet.pattern";
    static final String CONTEXT_SELECT = "osgi.http.whiteboard.context.select";

    private record Mount(Object key, String pattern, Servlet servlet) {
    }

    private record Match(String servletPath, String pathInfo, Servlet servlet) {
    }

    private final transient List<Mount> mounts = new CopyOnWriteArrayList<>();

    /**
     * Tracks {@code servlet} under its whiteboard properties; {@code key} identifies it for {@link #remove}.
     * Servlets for another servlet context (e.g. the Web Console's) are left out.
     */
    void add(Object key, Servlet servlet, Map<String, ?> properties) {
        if (!forDefaultContext(properties.get(CONTEXT_SELECT))) {
            return;
        }
        for (String pattern : strings(properties.get(PATTERN))) {
            mounts.add(new Mount(key, pattern, servlet));
        }
    }

    void remove(Object key) {
        mounts.removeIf(m -> m.key().equals(key));
    }

    private static boolean forDefaultContext(Object select) {
        return select == null || String.valueOf(select).replace(" ", "")
                .equals("(osgi.http.whiteboard.context.name=default)");
    }

    private static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof String[] array) {
            return List.of(array);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Optional<Match> match = match(path.isEmpty() ? "/" : path);
        if (match.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        Match m = match.get();
        m.servlet().service(new HttpServletRequestWrapper(request) {
            @Override
            public String getServletPath() {
                return m.servletPath();
            }

            @Override
            public String getPathInfo() {
                return m.pathInfo();
            }
        }, response);
    }

    /** The Servlet specification's order: exact, longest path prefix, extension, default. */
    Optional<Match> match(String path) {
        Match best = null;
        int bestPrefix = -1;
        Match extension = null;
        Match fallback = null;
        for (Mount mount : mounts) {
            String p = mount.pattern();
            if (p.equals(path) || p.isEmpty() && path.equals("/")) {
                return Optional.of(new Match(path, null, mount.servlet()));
            } else if (p.endsWith("/*")) {
                String prefix = p.substring(0, p.length() - 2);
                if ((path.equals(prefix) || path.startsWith(prefix + "/")) && prefix.length() > bestPrefix) {
                    bestPrefix = prefix.length();
                    String info = path.substring(prefix.length());
                    best = new Match(prefix, info.isEmpty() ? null : info, mount.servlet());
                }
            } else if (p.startsWith("*.")) {
                if (extension == null && path.endsWith(p.substring(1))) {
                    extension = new Match(path, null, mount.servlet());
                }
            } else if (p.equals("/") && fallback == null) {
                fallback = new Match(path, null, mount.servlet());
            }
        }
        return Optional.ofNullable(best != null ? best : extension != null ? extension : fallback);
    }
}
