package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.config.HttpCredentials;

import io.jsupervisor.config.SupervisorConfig;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The credentials of one kind of server section: the first {@code [inet_http_server]} (the servlet
 * whiteboard's server) or the first {@code [unix_http_server]} (our unix-socket server). Reads the
 * running configuration at every request, so new credentials apply after a restart.
 */
final class ServerCredentials implements Function<HttpServletRequest, Optional<HttpCredentials>> {
    private final Supplier<SupervisorConfig> config;
    private final Function<SupervisorConfig, Optional<HttpCredentials>> pick;

    private ServerCredentials(Supplier<SupervisorConfig> config, Function<SupervisorConfig, Optional<HttpCredentials>> pick) {
        this.config = config;
        this.pick = pick;
    }

    static ServerCredentials inet(Supplier<SupervisorConfig> config) {
        return new ServerCredentials(config, c -> c.inetHttpServers().stream().findFirst()
                .flatMap(s -> of(s.username(), s.password())));
    }

    static ServerCredentials unix(Supplier<SupervisorConfig> config) {
        return new ServerCredentials(config, c -> c.unixHttpServers().stream().findFirst()
                .flatMap(s -> of(s.username(), s.password())));
    }

    @Override
    public Optional<HttpCredentials> apply(HttpServletRequest request) {
        SupervisorConfig c = config.get();
        return c == null ? Optional.empty() : pick.apply(c);
    }

    private static Optional<HttpCredentials> of(String username, String password) {
        return username == null || password == null
                ? Optional.empty() : Optional.of(new HttpCredentials(username, password));
    }
}
