package io.jsupervisor.rpc.xml;

/**
 * The HTTP server's credentials check, as other bundles find it. rpc-xml registers one servlet filter on
 * {@code /*} of the default whiteboard context that checks the first [inet_http_server] section's
 * username/password (and lets every request through when there are none), with the service property
 * {@link #PROPERTY}{@code =}{@link #BASIC}. A page of another bundle that takes a mandatory reference to it
 * ({@code @Reference(target = HttpAuth.TARGET) Filter authGate;}) is served only while the check is in front of
 * it: when rpc-xml is stopped or updated the page goes away (404) rather than answer without the check.
 *
 * <p>The values are compile-time constants, so using them adds no package import to a plugin.
 */
public final class HttpAuth {
    /** The service property that marks the credentials-check filter. */
    public static final String PROPERTY = "jsupervisor.http.auth";
    /** Its value: HTTP basic authentication. */
    public static final String BASIC = "basic";
    /** The target of a reference to the credentials-check filter: {@code (jsupervisor.http.auth=basic)}. */
    public static final String TARGET = "(" + PROPERTY + "=" + BASIC + ")";

    private HttpAuth() {
    }
}
