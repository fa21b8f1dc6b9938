package io.jsupervisor.rest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/** Method + path template ({@code /processes/{name}/start}) → handler, with the path's parameters. */
final class Router {
    /** Handles one call; throws {@link io.jsupervisor.api.SupervisorException} or {@link BadRequest} for faults. */
    @FunctionalInterface
    interface Handler {
        CompletableFuture<Reply> handle(Call call);
    }

    /** A request's input: path parameters and query parameters (first value; all values via {@link #all}). */
    interface Call {
        String path(String name);

        String query(String name);

        List<String> all(String name);
    }

    /** A malformed argument: answered 400 BAD_ARGUMENTS. */
    static final class BadRequest extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message);
        }
    }

    record Route(String method, String template, Handler handler) {
        Map<String, String> match(String[] path) {
            String[] t = template.substring(1).split("/");
            if (t.length != path.length) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < t.length; i++) {
                if (t[i].startsWith("{")) {
                    if (path[i].isEmpty()) {
                        return null;
                    }
                    params.put(t[i].substring(1, t[i].length() - 1), path[i]);
                } else if (!t[i].equals(path[i])) {
                    return null;
                }
            }
            return params;
        }
    }

    /** The route found, its parameters; or no route, with the methods the path allows (empty: unknown path). */
    record Match(Route route, Map<String, String> params, TreeSet<String> allowed) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Handler handler) {
        routes.add(new Route(method, template, handler));
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    Match find(String method, String path) {
        String[] segs = (path == null || path.length() <= 1 ? "" : path.substring(1)).split("/", -1);
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = r.match(segs);
            if (params != null) {
                if (r.method().equals(method)) {
                    return new Match(r, params, allowed);
                }
                allowed.add(r.method());
            }
        }
        return new Match(null, Map.of(), allowed);
    }
}
