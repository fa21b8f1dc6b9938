package io.jsupervisor.launcher.internal;

import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.SupervisordSpec;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class FrameworkPropertiesTest {
    private static SupervisorConfig config(List<InetHttpServerSpec> servers) {
        SupervisordSpec spec = new SupervisordSpec("/tmp/s.log", 0, 0, LogLevel.INFO, "/tmp/s.pid", 022, true, false,
                1024, 200, false, "/tmp", null, null, false, Map.of(), "supervisor");
        return new SupervisorConfig(Path.of("/etc/x/s.conf"), spec, servers, List.of(), null, List.of(), List.of(),
                List.of());
    }

    private static Map<String, String> props(List<InetHttpServerSpec> servers) {
        CommandLine line = new CommandLine(CommandLine.Action.RUN, null,
                Map.of("nodaemon", "true", "logfile", "/var/x.log"));
        return FrameworkProperties.of(config(servers), line, Path.of("/tmp/cache"), Path.of("/opt/js"),
                Path.of("/home/u"), false);
    }

    @Test
    void withoutInetServerNothingListens() {
        Map<String, String> p = props(List.of());
        assertEquals("false", p.get("org.apache.felix.http.enable"));
        assertEquals("false", p.get("org.apache.felix.https.enable"));
        assertFalse(p.containsKey("org.osgi.service.http.port"));
    }

    @Test
    void firstInetServerIsServedAndAnEmptyHostMeansEveryInterface() {
        Map<String, String> p = props(List.of(new InetHttpServerSpec("inet_http_server", "", 9101, null, null),
                new InetHttpServerSpec("inet_http_server2", "127.0.0.1", 9102, null, null)));
        assertEquals("true", p.get("org.apache.felix.http.enable"));
        assertEquals("9101", p.get("org.osgi.service.http.port"));
        assertEquals("0.0.0.0", p.get("org.apache.felix.http.host"));
    }

    @Test
    void webConsoleOnlyAcceptsWebUisSecurityProviderNeverItsOwnLogin() {
        Map<String, String> p = props(List.of(new InetHttpServerSpec("inet_http_server", "", 9101, "u", "p")));
        assertEquals("jsupervisor", p.get("felix.webconsole.security.providers"));
    }

    @Test
    void configAndOverridesReachTheCore() {
        Map<String, String> p = props(List.of());
        assertEquals("/etc/x/s.conf", p.get("jsupervisor.config"));
        assertEquals("true", p.get("jsupervisor.option.nodaemon"));
        assertEquals("/var/x.log", p.get("jsupervisor.option.logfile"));
        assertEquals("sun.misc", p.get("org.osgi.framework.system.packages.extra"));
        assertEquals("--nointeractive", p.get("gosh.args"));
        assertEquals("/opt/js/load", p.get("felix.fileinstall.dir"));
    }
}
