package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessManager;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.apache.felix.webconsole.spi.SecurityProvider;

/**
 * Lets into the Felix Web Console exactly the user of the first {@code [inet_http_server]} (HTTP Basic),
 * with every role. Reads the running configuration at each request, like rpc-xml's filter. Only
 * registered (by {@link ConsoleSecurityComponent}) when that section has credentials.
 */
final class ConsoleSecurityProvider implements SecurityProvider {
    static final String ID = "jsupervisor";
    private static final String REALM = "default";

    private final ProcessManager pm;

    ConsoleSecurityProvider(ProcessManager pm) {
        this.pm = pm;
    }

    @Override
    public Object authenticate(HttpServletRequest request, HttpServletResponse response) {
        Optional<String> user = ConsoleCredentials.of(pm.configuration())
                .flatMap(c -> c.userOf(request.getHeader("Authorization")));
        if (user.isPresent()) {
            return user.get();
        }
        // the console returns false from handleSecurity on null and leaves the answer to us
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        try {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        } catch (IOException | IllegalStateException e) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        }
        return null;
    }

    @Override
    public boolean authorize(Object user, String role) {
        return user != null; // the configured user may do everything
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        // Basic auth has no server-side session to end
    }
}
