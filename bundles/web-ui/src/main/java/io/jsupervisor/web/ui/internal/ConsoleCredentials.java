package io.jsupervisor.web.ui.internal;

import io.jsupervisor.config.HttpCredentials;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The first {@code [inet_http_server]}'s {@code username} and {@code password} (clear text, or {@code {SHA}}
 * + hex SHA-1), checked against an HTTP Basic header in constant time (the check itself is the config
 * model's {@link HttpCredentials}, shared with rpc-xml).
 */
record ConsoleCredentials(String username, String password) {
    /** Empty when there is no inet server or it sets no username/password. */
    static Optional<ConsoleCredentials> of(SupervisorConfig config) {
        return config == null ? Optional.empty() : config.inetHttpServers().stream().findFirst()
                .filter(s -> s.username() != null && s.password() != null)
                .map(s -> new ConsoleCredentials(s.username(), s.password()));
    }

    /** The user name when {@code authorization} is a Basic header with these credentials, else empty. */
    Optional<String> userOf(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        return accepts(user, decoded.substring(colon + 1)) ? Optional.of(user) : Optional.empty();
    }

    boolean accepts(String user, String pass) {
        return new HttpCredentials(username, password).accepts(user, pass);
    }
}
