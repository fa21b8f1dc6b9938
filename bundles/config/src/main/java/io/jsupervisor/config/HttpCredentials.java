package io.jsupervisor.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A server section's {@code username} and {@code password}: clear text, or {@code {SHA}} followed by
 * the hex SHA-1 of the password, as {@code [inet_http_server]} and {@code [unix_http_server]} take them.
 * Comparisons take the same time whatever the input. Shared by every bundle that authenticates HTTP.
 */
public record HttpCredentials(String username, String password) {
    private static final String SHA = "{SHA}";

    /** True when {@code user} and {@code pass} (as offered by a client) match these credentials. */
    public boolean accepts(String user, String pass) {
        boolean userOk = MessageDigest.isEqual(bytes(username), bytes(user));
        boolean passOk = password.startsWith(SHA)
                ? MessageDigest.isEqual(bytes(password.substring(SHA.length())), bytes(sha1Hex(pass)))
                : MessageDigest.isEqual(bytes(password), bytes(pass));
        return userOk & passOk;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String sha1Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes(s)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
