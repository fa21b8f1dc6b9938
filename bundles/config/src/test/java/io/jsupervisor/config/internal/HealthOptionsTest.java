package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.config.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** healthcheck_*: kept as text for the core, bad values refused with section, option and file. */
class HealthOptionsTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    private String write(String name, String program) throws Exception {
        return fx.writeWebProgram(name, program);
    }

    private String refusal(String program) throws Exception {
        return fx.reason(write("bad.conf", program));
    }

    @Test
    void everyOptionIsKeptAsWritten() throws Exception {
        String f = write("ok.conf", "healthcheck = http://127.0.0.1:8080/%(ENV_X)s\nhealthcheck_interval=0.5\n"
                + "healthcheck_timeout=2\nhealthcheck_retries=5\nhealthcheck_start_period=30\n"
                + "healthcheck_action=Stop\nhealthcheck_ready=yes\n");
        ProcessSpec p = Fixtures.process(fx.load(f), "web");
        assertEquals("http://127.0.0.1:8080/ex", p.options().get("healthcheck"), "expanded");
        assertEquals("0.5", p.options().get("healthcheck_interval"));
        assertEquals("Stop", p.options().get("healthcheck_action"));
        assertEquals("yes", p.options().get("healthcheck_ready"));
    }

    @Test
    void theThreeKindsOfCheckAreAccepted() throws Exception {
        for (String check : new String[] {"tcp://localhost:6379", "https://example.org/", "exec:pg_isready -q",
                "HTTP://[::1]:8080/x?y=1"}) {
            String f = write("kinds.conf", "healthcheck=" + check + "\n");
            assertEquals(check, Fixtures.process(fx.load(f), "web").options().get("healthcheck"));
        }
    }

    @Test
    void anUnknownSchemeIsRefused() throws Exception {
        assertEquals("[program:web] healthcheck: must start with http://, https://, tcp:// or exec: "
                + "'ftp://host/x'", refusal("healthcheck=ftp://host/x\n"));
        assertEquals("[program:web] healthcheck: must start with http://, https://, tcp:// or exec: 'localhost:80'",
                refusal("healthcheck=localhost:80\n"));
    }

    @Test
    void aTcpCheckNeedsAPort() throws Exception {
        assertEquals("[program:web] healthcheck: tcp:// needs host:port with a port from 1 to 65535: "
                + "'tcp://localhost'", refusal("healthcheck=tcp://localhost\n"));
        assertEquals("[program:web] healthcheck: tcp:// needs host:port with a port from 1 to 65535: "
                + "'tcp://localhost:0'", refusal("healthcheck=tcp://localhost:0\n"));
    }

    @Test
    void anExecCheckNeedsACommand() throws Exception {
        assertEquals("[program:web] healthcheck: exec: needs a command: 'exec:'", refusal("healthcheck=exec:  \n"));
    }

    @Test
    void badDurationsAreRefused() throws Exception {
        assertEquals("[program:web] healthcheck_interval: not a number of seconds: '10s'",
                refusal("healthcheck_interval=10s\n"));
        assertEquals("[program:web] healthcheck_timeout: not 0.001 to 86400 seconds: '0'",
                refusal("healthcheck_timeout=0\n"));
        assertEquals("[program:web] healthcheck_start_period: not 0 to 86400 seconds in steps of 0.001: '-1'",
                refusal("healthcheck_start_period=-1\n"));
        assertEquals("[program:web] healthcheck_interval: not 0.001 to 86400 seconds: '0.0001'",
                refusal("healthcheck_interval=0.0001\n"));
    }

    @Test
    void badRetriesAreRefused() throws Exception {
        assertEquals("[program:web] healthcheck_retries: invalid literal for int() with base 10: 'three'",
                refusal("healthcheck_retries=three\n"));
        assertEquals("[program:web] healthcheck_retries: must be at least 1: '0'", refusal("healthcheck_retries=0\n"));
    }

    @Test
    void anUnknownActionIsRefusedEvenWithoutACheck() throws Exception {
        assertEquals("[program:web] healthcheck_action: not one of restart, stop, none: 'kill'",
                refusal("healthcheck_action=kill\n"));
    }

    @Test
    void aBadReadyFlagIsRefused() throws Exception {
        assertEquals("[program:web] healthcheck_ready: not a valid boolean value: 'soon'",
                refusal("healthcheck=tcp://h:1\nhealthcheck_ready=soon\n"));
    }

    @Test
    void listenersMaySubscribeToHealthEvents() throws Exception {
        Files.writeString(tmp.resolve("l.conf"), "[supervisord]\n[eventlistener:l]\ncommand=/bin/l\n"
                + "events=PROCESS_HEALTH,process_health_unhealthy\n");
        assertEquals(java.util.List.of("PROCESS_HEALTH", "PROCESS_HEALTH_UNHEALTHY"),
                fx.load("l.conf").group("l").orElseThrow().pool().events());
    }
}
