package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.config.GroupKind;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.ListenerPoolSpec;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [group:x]}, {@code [eventlistener:x]}, {@code [fcgi-program:x]} and group order (spec 1.10-1.12). */
class GroupsTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    @Test
    void groupsAreSortedByPriorityThenNameAndGroupedProgramsAreNotGroupsOfTheirOwn() throws Exception {
        SupervisorConfig c = fx.load("groups-order.conf");
        assertEquals(List.of("pool", "g", "zeta", "alpha", "beta"), c.groups().stream().map(GroupSpec::name).toList());
        GroupSpec g = c.group("g").orElseThrow();
        assertEquals(GroupKind.HETEROGENEOUS, g.kind());
        assertEquals(List.of("one", "two"), g.processes().stream().map(ProcessSpec::name).toList());
    }

    @Test
    void listenerPoolHasPriorityMinusOneAndUpperCaseEvents() throws Exception {
        GroupSpec pool = fx.load("groups-order.conf").group("pool").orElseThrow();
        assertEquals(-1, pool.priority());
        assertEquals(GroupKind.EVENTLISTENER, pool.kind());
        assertEquals(new ListenerPoolSpec(List.of("PROCESS_STATE", "TICK_5"), 3,
                "supervisor.dispatchers:default_handler"), pool.pool());
        assertEquals(999, pool.processes().get(0).priority(), "the process priority keeps its own default");
    }

    @Test
    void unknownProgramInGroupIsRefusedNamingThePreviousSectionAsTheReferenceDoes() {
        assertEquals("[group:g] programs: [program:a] names unknown program or fcgi-program missing"
                + fx.inFile("group-unknown-program.conf"), fx.refusal("group-unknown-program.conf"));
    }

    @Test
    void listenerRefusals() {
        assertEquals("[eventlistener:l] events: Unknown event type NOPE in [eventlistener:l] events"
                + fx.inFile("listener-bad-event.conf"), fx.refusal("listener-bad-event.conf"));
        assertEquals("[eventlistener:l] events: [eventlistener:l] section requires an \"events\" line"
                + fx.inFile("listener-no-events.conf"), fx.refusal("listener-no-events.conf"));
        assertEquals("[eventlistener:l] redirect_stderr: [eventlistener:l] section sets redirect_stderr=true but this "
                + "is not allowed because it will interfere with the eventlistener protocol"
                + fx.inFile("listener-redirect.conf"), fx.refusal("listener-redirect.conf"));
        assertEquals("[eventlistener:l] buffer_size: [eventlistener:l] section sets invalid buffer_size (0)"
                + fx.inFile("listener-buffer.conf"), fx.refusal("listener-buffer.conf"));
        assertEquals("[eventlistener:l] result_handler: superlance.x:handler cannot be resolved within "
                + "[eventlistener:l]" + fx.inFile("listener-handler.conf"), fx.refusal("listener-handler.conf"));
    }

    @Test
    void fcgiProgramIsAGroupOfItsKindWithTheExpandedSocket() throws Exception {
        GroupSpec php = fx.load("fcgi.conf").group("php").orElseThrow();
        assertEquals(GroupKind.FCGI, php.kind());
        assertEquals(List.of("php_0", "php_1"), php.processes().stream().map(ProcessSpec::name).toList());
        assertEquals("unix://" + tmp + "/php.sock", php.processes().get(0).options().get("socket"));
    }

    @Test
    void fcgiSocketRefusals() {
        assertEquals("[fcgi-program:php] socket: ('Unix socket path %s is not an absolute path', 'relative.sock') in "
                + "[fcgi-program:php] socket" + fx.inFile("fcgi-relative.conf"), fx.refusal("fcgi-relative.conf"));
        assertEquals("[fcgi-program:php] socket: [fcgi-program:php] section requires a \"socket\" line"
                + fx.inFile("fcgi-no-socket.conf"), fx.refusal("fcgi-no-socket.conf"));
    }
}
