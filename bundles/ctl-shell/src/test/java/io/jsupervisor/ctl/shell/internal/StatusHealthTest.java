package io.jsupervisor.ctl.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.Supervisorctl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** status --health (ours): one more column when asked; plain status unchanged and never asks for health. */
class StatusHealthTest {
    private boolean healthAsked;
    private final FakeProcessManager manager = new FakeProcessManager() {
        @Override
        public List<HealthInfo> allHealth() {
            healthAsked = true;
            return List.of(new HealthInfo("foo", HealthState.UNHEALTHY, "tcp://h:1", 1, "connection refused", 3),
                    new HealthInfo("grp:a", HealthState.NONE, "", 0, "", 0));
        }
    }.process("foo", "foo", ProcessState.RUNNING, "pid 123, uptime 0:00:05", 123)
            .process("grp", "a", ProcessState.STOPPED, "Not started", 0);
    private final Supervisorctl ctl = new Supervisorctl(manager);

    @Test
    void theHealthColumnComesBeforeTheDescription() {
        CtlResult result = ctl.execute("status --health");
        assertEquals(List.of("foo" + " ".repeat(30) + "RUNNING   UNHEALTHY pid 123, uptime 0:00:05",
                "grp:a" + " ".repeat(28) + "STOPPED   -         Not started"), result.lines());
        assertEquals(3, result.exitStatus(), "exit status as plain status");
    }

    @Test
    void theFlagMixesWithNames() {
        assertEquals(List.of("foo" + " ".repeat(30) + "RUNNING   UNHEALTHY pid 123, uptime 0:00:05"),
                ctl.execute("status foo --health").lines());
    }

    @Test
    void plainStatusIsTheReferencesAndMakesNoHealthCall() {
        assertEquals(List.of("foo" + " ".repeat(30) + "RUNNING   pid 123, uptime 0:00:05",
                "grp:a" + " ".repeat(28) + "STOPPED   Not started"), ctl.execute("status").lines());
        assertFalse(healthAsked);
        ctl.execute("status --health");
        assertTrue(healthAsked);
    }
}
