package io.jsupervisor.rest.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;

/**
 * The rule for requests that change something (POST): a browser must not be able to send one from
 * another site with the user's credentials. Such a request is refused unless
 * <ol>
 * <li>it is {@code Content-Type: application/json} or has an {@code X-Requested-With} header (neither
 * can be sent cross-site without a CORS preflight, which this server never grants), and</li>
 * <li>its {@code Origin}, when present, is this server's own origin (scheme, host and port as the
 * client addressed it), and its {@code Sec-Fetch-Site}, when present, is {@code same-origin} or
 * {@code none}.</li>
 * </ol>
 * Command-line clients (curl with {@code -H 'Content-Type: application/json'}) send no Origin.
 */
final class CrossSiteGuard {
    private CrossSiteGuard() {
    }

    /** Why the request is refused, or {@code null} when it may go on. */
    static String refusal(HttpServletRequest req) {
        String type = req.getContentType();
        boolean json = type != null && type.toLowerCase(Locale.ROOT).split(";", 2)[0].trim().equals("application/json");
        if (!json && req.getHeader("X-Requested-With") == null) {
            return "a POST needs Content-Type: application/json or an X-Requested-With header";
        }
        String site = req.getHeader("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return "cross-site request refused (Sec-Fetch-Site: " + site + ")";
        }
        String origin = req.getHeader("Origin");
        if (origin != null && !sameOrigin(origin, req)) {
            return "cross-origin request refused (Origin: " + origin + ")";
        }
        return null;
    }

    private static boolean sameOrigin(String origin, HttpServletRequest req) {
        String host = req.getHeader("Host");
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI o = URI.create(origin);
            URI self = URI.create(req.getScheme() + "://" + host);
            return o.getScheme() != null && o.getScheme().equalsIgnoreCase(self.getScheme())
                    && o.getHost() != null && o.getHost().equalsIgnoreCase(self.getHost())
                    && port(o) == port(self);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int port(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }
}
