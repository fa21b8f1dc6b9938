package io.jsupervisor.ctl.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.ProcessState;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.Supervisorctl;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** status: "%-Ws%-10s%s" with W = max(30, longest namespec) + 3, and exit 3 / 4 (spec §4.3, §4.4). */
class StatusCommandTest {
    private final FakeProcessManager manager = new FakeProcessManager()
            .process("foo", "foo", ProcessState.RUNNING, "pid 123, uptime 0:00:05", 123)
            .process("grp", "a", ProcessState.STOPPED, "Not started", 0)
            .process("grp", "b", ProcessState.BACKOFF, "Exited too quickly (process log may have details)", 0);
    private final Supervisorctl ctl = new Supervisorctl(manager);

    private static final String FOO = "foo" + " ".repeat(30) + "RUNNING   pid 123, uptime 0:00:05";
    private static final String GRP_A = "grp:a" + " ".repeat(28) + "STOPPED   Not started";
    private static final String GRP_B = "grp:b" + " ".repeat(28)
            + "BACKOFF   Exited too quickly (process log may have details)";

    @Test
    void listsEveryProcessAndExits3WhenOneIsStopped() {
        CtlResult result = ctl.execute("status");
        assertEquals(List.of(FOO, GRP_A, GRP_B), result.lines());
        assertEquals(3, result.exitStatus());
    }

    @Test
    void runningAndBackoffProcessesExit0() {
        CtlResult result = ctl.execute("status foo grp:b");
        assertEquals(List.of(FOO, GRP_B), result.lines());
        assertEquals(0, result.exitStatus());
    }

    @Test
    void groupSelectorListsTheGroup() {
        assertEquals(List.of(GRP_A, GRP_B), ctl.execute("status grp:*").lines());
    }

    @Test
    void longNamespecWidensTheColumn() {
        String name = "x".repeat(40);
        manager.process("long", name, ProcessState.RUNNING, "pid 9, uptime 1 day, 0:00:00", 9);
        CtlResult result = ctl.execute("status long:" + name);
        assertEquals(List.of("long:" + name + "   RUNNING   pid 9, uptime 1 day, 0:00:00"), result.lines());
    }

    @Test
    void unknownNamesExit4() {
        CtlResult result = ctl.execute("status nosuch nog:* foo");
        assertEquals(List.of("nosuch: ERROR (no such process)", "nog: ERROR (no such group)", FOO), result.lines());
        assertEquals(4, result.exitStatus());
    }

    @Test
    void aStoppedProcessAfterAnUnknownNameStillGives3() {
        assertEquals(3, ctl.execute("status nosuch grp:a").exitStatus());
    }

    @Test
    void failedUpcheckExits4() {
        Supervisorctl down = new Supervisorctl(manager,
                () -> Optional.of(new CtlResult(List.of("unix:///tmp/sv.sock no such file"), 7)));
        CtlResult result = down.execute("status");
        assertEquals(List.of("unix:///tmp/sv.sock no such file"), result.lines());
        assertEquals(4, result.exitStatus());
        assertEquals(List.of(), manager.calls);
    }
}
