package io.jsupervisor.config;

/**
 * A {@code [unix_http_server]} section.
 *
 * @param section  the section name as written
 * @param file     absolute socket path
 * @param chmod    permission bits applied to the socket
 * @param chownUid uid to chown the socket to, or -1 for no change
 * @param chownGid gid to chown the socket to, or -1 for no change
 * @param username {@code null} when no authentication
 * @param password clear text or {@code {SHA}} + 40 hex digits; {@code null} when no authentication
 */
public record UnixHttpServerSpec(String section, String file, int chmod, int chownUid, int chownGid,
                                 String username, String password) {
}
