package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.config.HttpCredentials;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reference's HTTP Basic authentication, for every endpoint of a server whose section has a
 * username: a missing, wrong or non-Basic {@code Authorization} gets 401 with
 * {@code WWW-Authenticate: Basic realm="default"}; undecodable base64 gets 400.
 */
public class BasicAuthFilter implements Filter {
    private final Function<HttpServletRequest, Optional<HttpCredentials>> credentials;

    /** @param credentials what the server that took this request requires, empty when nothing */
    BasicAuthFilter(Function<HttpServletRequest, Optional<HttpCredentials>> credentials) {
        this.credentials = credentials;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        Optional<HttpCredentials> required = credentials.apply(req);
        if (required.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String header = req.getHeader("Authorization");
        String[] parts = header == null ? new String[0] : header.trim().split("\\s+", 2);
        if (parts.length != 2 || !parts[0].equalsIgnoreCase("basic")) {
            unauthorized(resp);
            return;
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .decode(ByteBuffer.wrap(Base64.getDecoder().decode(parts[1].trim()))).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !required.get().accepts(decoded.substring(0, colon), decoded.substring(colon + 1))) {
            unauthorized(resp);
            return;
        }
        chain.doFilter(request, response);
    }

    private static void unauthorized(HttpServletResponse resp) throws IOException {
        resp.setHeader("WWW-Authenticate", "Basic realm=\"default\"");
        resp.setHeader("Connection", "close");
        resp.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
