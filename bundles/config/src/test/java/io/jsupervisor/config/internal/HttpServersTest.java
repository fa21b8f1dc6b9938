package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.config.CtlSpec;
import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.UnixHttpServerSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [unix_http_server*]}, {@code [inet_http_server*]} and {@code [supervisorctl]} (spec 1.5, 1.6, 1.8). */
class HttpServersTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    @Test
    void everySuffixedSectionAddsAServer() throws Exception {
        SupervisorConfig c = fx.load("servers.conf");
        assertEquals(List.of(
                new UnixHttpServerSpec("unix_http_server", tmp + "/sv.sock", 0700, 1001, 50, null, null),
                new UnixHttpServerSpec("unix_http_server:second", tmp + "/second.sock", 0770, -1, -1, "u",
                        "{SHA}0123456789012345678901234567890123456789")), c.unixHttpServers());
        assertEquals(List.of(
                new InetHttpServerSpec("inet_http_server", "", 9001, null, null),
                new InetHttpServerSpec("inet_http_server:local", "localhost", 9002, "user", "secret")),
                c.inetHttpServers());
    }

    @Test
    void supervisorctlSectionIsReadWithNormalisedPaths() throws Exception {
        assertEquals(new CtlSpec("unix://" + tmp + "/sv.sock", null, null, "supervisor", tmp + "/history"),
                fx.load("servers.conf").supervisorctl());
    }

    @Test
    void usernameWithoutPasswordIsRefused() {
        assertEquals("[inet_http_server] password: Section [inet_http_server] contains incomplete authentication: If a "
                + "username or a password is specified, both the username and password must be specified"
                + fx.inFile("servers-incomplete-auth.conf"), fx.refusal("servers-incomplete-auth.conf"));
    }

    @Test
    void unixServerWithoutFileIsRefused() {
        assertEquals("[unix_http_server] file: section [unix_http_server] has no file value"
                + fx.inFile("servers-no-file.conf"), fx.refusal("servers-no-file.conf"));
    }

    @Test
    void inetAddressForms() {
        assertEquals(List.of("", 9001), List.of(HttpServersReader.inetAddress("9001")));
        assertEquals(List.of("", 9001), List.of(HttpServersReader.inetAddress(":9001")));
        assertEquals(List.of("", 9001), List.of(HttpServersReader.inetAddress("*:9001")));
        assertEquals(List.of("host", 1), List.of(HttpServersReader.inetAddress("HOST:1")));
        assertEquals("70000 is above upper bound (65535)",
                ExpansionTest.refusal(() -> HttpServersReader.inetAddress("h:70000")));
        assertEquals("not a valid port number: 'abc' ", ExpansionTest.refusal(() -> HttpServersReader.inetAddress("abc")));
        assertEquals("no port number specified in ''", ExpansionTest.refusal(() -> HttpServersReader.inetAddress("h:")));
    }
}
