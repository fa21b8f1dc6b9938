package io.jsupervisor.web.ui.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Headers and bodies shared by the UI's servlets. */
final class Responses {
    private Responses() {
    }

    /** A fresh CSP nonce for one page's inline style and script. */
    static String nonce(SecureRandom random) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The reference's no-cache headers. */
    static void noCache(HttpServletResponse resp) {
        resp.setHeader("Pragma", "no-cache");
        resp.setHeader("Cache-Control", "no-cache");
        resp.setHeader("Expires", "Thu, 01 Jan 1970 00:00:00 GMT");
    }

    /**
     * An HTML page. The CSP allows only our own nonce'd inline style and script and same-origin
     * fetches and form posts; framing is refused, so the buttons cannot be clickjacked.
     */
    static void html(HttpServletResponse resp, String nonce, String body) throws IOException {
        noCache(resp);
        resp.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'nonce-" + nonce
                + "'; style-src 'nonce-" + nonce + "'; connect-src 'self'; img-src 'self'; form-action 'self';"
                + " frame-ancestors 'none'; base-uri 'none'");
        resp.setHeader("X-Frame-Options", "DENY");
        write(resp, "text/html;charset=utf-8", body);
    }

    static void text(HttpServletResponse resp, int status, String body) throws IOException {
        resp.setStatus(status);
        write(resp, "text/plain;charset=utf-8", body);
    }

    static void write(HttpServletResponse resp, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        resp.setContentType(contentType);
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
