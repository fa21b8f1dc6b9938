package io.jsupervisor.rest.internal;

/**
 * The endpoints are served only while the HTTP server's credentials check is in front of them: each servlet
 * component has a mandatory reference to rpc-xml's basic-auth filter (registered with this property whether or
 * not credentials are configured), so stopping or updating rpc-xml takes them away (404) instead of leaving them
 * open without authentication.
 */
final class AuthGate {
    static final String TARGET = "(jsupervisor.http.auth=basic)";

    private AuthGate() {
    }
}
