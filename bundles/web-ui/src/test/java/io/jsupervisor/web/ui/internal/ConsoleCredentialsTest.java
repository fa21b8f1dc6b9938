package io.jsupervisor.web.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConsoleCredentialsTest {
    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void plainPasswordLetsOnlyTheConfiguredUserIn() {
        ConsoleCredentials c = new ConsoleCredentials("chris", "pa:ss");
        assertEquals(Optional.of("chris"), c.userOf(basic("chris:pa:ss")), "a colon inside the password");
        assertEquals(Optional.empty(), c.userOf(basic("admin:admin")));
        assertEquals(Optional.empty(), c.userOf(basic("chris:pa")));
        assertEquals(Optional.empty(), c.userOf(null));
        assertEquals(Optional.empty(), c.userOf("Basic not-base64!"));
        assertEquals(Optional.empty(), c.userOf("Bearer " + basic("chris:pa:ss").substring(6)));
    }

    @Test
    void shaPasswordIsComparedAsHexSha1OfWhatTheUserSends() {
        // SHA-1("s3cret")
        ConsoleCredentials c = new ConsoleCredentials("chris", "{SHA}fef341f85d87439e7d91a2d465b9871ef66b5e98");
        assertEquals(Optional.empty(), c.userOf(basic("chris:{SHA}fef341f85d87439e7d91a2d465b9871ef66b5e98")));
        assertEquals(Optional.of("chris"), c.userOf(basic("chris:s3cret")));
    }
}
