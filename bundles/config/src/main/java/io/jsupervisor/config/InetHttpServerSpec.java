package io.jsupervisor.config;

/**
 * An {@code [inet_http_server]} section.
 *
 * @param section  the section name as written (more than one server is allowed with a suffix)
 * @param host     lower-cased host, or {@code ""} for all interfaces
 * @param port     1..65535
 * @param username {@code null} when no authentication
 * @param password clear text or {@code {SHA}} + 40 hex digits; {@code null} when no authentication
 */
public record InetHttpServerSpec(String section, String host, int port, String username, String password) {
}
