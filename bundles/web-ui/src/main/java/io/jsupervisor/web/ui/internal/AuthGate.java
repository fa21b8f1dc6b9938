package io.jsupervisor.web.ui.internal;

/**
 * The pages are served only while the HTTP server's credentials check is in front of them: each page component
 * has a mandatory reference to rpc-xml's basic-auth filter (the one filter on {@code /*} of the default context,
 * registered with this property whether or not credentials are configured). If rpc-xml is stopped or being
 * updated, the pages go away with the filter (404) instead of answering without authentication.
 */
final class AuthGate {
    static final String TARGET = "(jsupervisor.http.auth=basic)";

    private AuthGate() {
    }
}
