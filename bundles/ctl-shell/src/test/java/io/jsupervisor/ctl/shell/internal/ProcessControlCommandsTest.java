package io.jsupervisor.ctl.shell.internal;

import static io.jsupervisor.ctl.shell.internal.FakeProcessManager.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.Fault;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.Supervisorctl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** start, stop, restart and signal: lines and exit statuses of supervisorctl 4.2.5 (spec §4.3, §4.4). */
class ProcessControlCommandsTest {
    private final FakeProcessManager manager = new FakeProcessManager();
    private final Supervisorctl ctl = new Supervisorctl(manager);

    private static void assertResult(CtlResult result, int exitStatus, String... lines) {
        assertEquals(List.of(lines), result.lines());
        assertEquals(exitStatus, result.exitStatus());
    }

    @Test
    void startPrintsStartedPerProcessAndWaits() {
        assertResult(ctl.execute("start foo grp:a"), 0, "foo: started", "grp:a: started");
        assertEquals(List.of("startProcess(foo)", "startProcess(grp:a)"), manager.calls);
    }

    @Test
    void startOfUnknownProcessExits1() {
        manager.fault("startProcess(x)", Fault.BAD_NAME, "x");
        assertResult(ctl.execute("start x"), 1, "x: ERROR (no such process)");
    }

    @Test
    void startOfRunningProcessPrintsErrorButExits0() {
        manager.fault("startProcess(foo)", Fault.ALREADY_STARTED, "foo");
        assertResult(ctl.execute("start foo"), 0, "foo: ERROR (already started)");
    }

    @Test
    void spawnErrorAndAbnormalTerminationExit7NoFileExits1() {
        manager.fault("startProcess(a)", Fault.SPAWN_ERROR, "a");
        assertResult(ctl.execute("start a"), 7, "a: ERROR (spawn error)");
        manager.fault("startProcess(b)", Fault.ABNORMAL_TERMINATION, "b");
        assertResult(ctl.execute("start b"), 7, "b: ERROR (abnormal termination)");
        manager.fault("startProcess(c)", Fault.NO_FILE, "can't find command 'x'");
        manager.fault("startProcess(d)", Fault.NOT_EXECUTABLE, "d");
        assertResult(ctl.execute("start c d"), 1, "c: ERROR (no such file)", "d: ERROR (file is not executable)");
    }

    @Test
    void startOfGroupReportsEachResultAndTheLastFaultSetsTheStatus() {
        manager.results("startProcessGroup(grp)", result("grp", "a", Fault.SUCCESS, "OK"),
                result("grp", "b", Fault.SPAWN_ERROR, "SPAWN_ERROR: b"));
        assertResult(ctl.execute("start grp:*"), 7, "grp:a: started", "grp:b: ERROR (spawn error)");
    }

    @Test
    void startOfGroupWhoseProcessesAllRunPrintsNothing() {
        assertResult(ctl.execute("start grp:"), 0);
        assertEquals(List.of("startProcessGroup(grp)"), manager.calls);
    }

    @Test
    void startOfUnknownGroupExits2() {
        manager.fault("startProcessGroup(nog)", Fault.BAD_NAME, "nog");
        assertResult(ctl.execute("start nog:*"), 2, "nog: ERROR (no such group)");
    }

    @Test
    void startAllUsesStartAllProcesses() {
        manager.results("startAllProcesses()", result("foo", "foo", Fault.SUCCESS, "OK"));
        assertResult(ctl.execute("start foo all"), 0, "foo: started");
        assertEquals(List.of("startAllProcesses()"), manager.calls);
    }

    @Test
    void startWithoutNamesExits2WithHelp() {
        assertResult(ctl.execute("start"), 2, "Error: start requires a process name",
                "start <name>\t\tStart a process",
                "start <gname>:*\t\tStart all processes in a group",
                "start <name> <name>\tStart multiple processes or groups",
                "start all\t\tStart all processes");
    }

    @Test
    void startFaultWithoutTextRaisesAsTheReferenceDoes() {
        manager.fault("startProcess(foo)", Fault.FAILED, "foo");
        manager.fault("startProcess(bar)", Fault.SPAWN_ERROR, "bar");
        // the reference's ValueError ends the command: bar is never started
        assertResult(ctl.execute("start foo bar"), 1, "error: <class 'ValueError'>, Unknown result code 30 for foo");
        assertEquals(List.of("startProcess(foo)"), manager.calls);
    }

    @Test
    void stopOfStoppedProcessPrintsErrorButExits0() {
        manager.fault("stopProcess(foo)", Fault.NOT_RUNNING, "foo");
        assertResult(ctl.execute("stop foo"), 0, "foo: ERROR (not running)");
    }

    @Test
    void stopReportsStoppedAndBadNames() {
        manager.fault("stopProcess(x)", Fault.BAD_NAME, "x");
        assertResult(ctl.execute("stop foo x"), 1, "foo: stopped", "x: ERROR (no such process)");
    }

    @Test
    void stopFailurePrintsTheFaultString() {
        manager.results("stopProcessGroup(grp)", result("grp", "a", Fault.FAILED, "FAILED: grp:a"));
        assertResult(ctl.execute("stop grp:*"), 1, "FAILED: grp:a");
    }

    @Test
    void stopOfUnknownGroupAndNoNamesExit1() {
        manager.fault("stopProcessGroup(nog)", Fault.BAD_NAME, "nog");
        assertResult(ctl.execute("stop nog:*"), 1, "nog: ERROR (no such group)");
        CtlResult noNames = ctl.execute("stop");
        assertEquals("Error: stop requires a process name", noNames.lines().get(0));
        assertEquals(1, noNames.exitStatus());
    }

    @Test
    void restartStopsThenStarts() {
        assertResult(ctl.execute("restart foo bar"), 0, "foo: stopped", "bar: stopped", "foo: started", "bar: started");
        assertEquals(List.of("stopProcess(foo)", "stopProcess(bar)", "startProcess(foo)", "startProcess(bar)"),
                manager.calls);
    }

    @Test
    void restartWithoutNamesExits1() {
        CtlResult result = ctl.execute("restart");
        assertEquals("Error: restart requires a process name", result.lines().get(0));
        assertEquals("Note: restart does not reread config files. For that, see reread and update.",
                result.lines().get(result.lines().size() - 1));
        assertEquals(1, result.exitStatus());
    }

    @Test
    void signalReportsEachProcessAndCountsNotRunning() {
        manager.fault("signalProcess(b,HUP)", Fault.NOT_RUNNING, "b");
        assertResult(ctl.execute("signal HUP a b"), 7, "a: signalled", "b: ERROR (not running)");
    }

    @Test
    void signalWithBadSignalNameExits1() {
        manager.fault("signalProcess(a,NOPE)", Fault.BAD_SIGNAL, "NOPE");
        assertResult(ctl.execute("signal NOPE a"), 1, "a: ERROR (bad signal name)");
    }

    @Test
    void signalOfGroupAndAll() {
        manager.results("signalProcessGroup(grp,9)", result("grp", "a", Fault.SUCCESS, "OK"));
        manager.results("signalAllProcesses(USR1)", result("foo", "foo", Fault.SUCCESS, "OK"));
        assertResult(ctl.execute("signal 9 grp:*"), 0, "grp:a: signalled");
        assertResult(ctl.execute("signal USR1 all"), 0, "foo: signalled");
    }

    @Test
    void signalNeedsASignalAndAName() {
        assertResult(ctl.execute("signal HUP"), 1, "Error: signal requires a signal name and a process name",
                "signal <signal name> <name>\t\tSignal a process",
                "signal <signal name> <gname>:*\t\tSignal all processes in a group",
                "signal <signal name> <name> <name>\tSignal multiple processes or groups",
                "signal <signal name> all\t\tSignal all processes");
        assertEquals(List.of(), manager.calls);
    }
}
