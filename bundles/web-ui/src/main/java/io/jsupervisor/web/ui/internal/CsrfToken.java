package io.jsupervisor.web.ui.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The form token that every state-changing POST must carry: random, made once per daemon run (per
 * component activation), embedded in the page. A page from another site cannot read it, so it cannot
 * forge an action even when the browser would send the Basic credentials along.
 */
final class CsrfToken {
    static final String PARAM = "csrf";

    private final String value;

    CsrfToken(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    String value() {
        return value;
    }

    /** Constant-time comparison, so timing does not reveal the token. */
    boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }
}
