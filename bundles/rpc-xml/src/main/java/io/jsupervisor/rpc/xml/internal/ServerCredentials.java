package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.config.SupervisorConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Picks the credentials of the server section a request came in through: the first
 * {@code [unix_http_server]} for requests on the unix socket (no local TCP port), else the first
 * {@code [inet_http_server]}. Reads the running configuration at every request, so a restart with
 * new credentials applies at once.
 */
final class ServerCredentials implements Function<HttpServletRequest, Optional<Credentials>> {
    private final Supplier<SupervisorConfig> config;

    ServerCredentials(Supplier<SupervisorConfig> config) {
        this.config = config;
    }

    @Override
    public Optional<Credentials> apply(HttpServletRequest request) {
        SupervisorConfig c = config.get();
        if (c == null) {
            return Optional.empty();
        }
        if (request.getLocalPort() <= 0) {
            return c.unixHttpServers().stream().findFirst()
                    .flatMap(u -> of(u.username(), u.password()));
        }
        return c.inetHttpServers().stream().findFirst()
                .flatMap(i -> of(i.username(), i.password()));
    }

    private static Optional<Credentials> of(String username, String password) {
        return username == null || password == null
                ? Optional.empty() : Optional.of(new Credentials(username, password));
    }
}
