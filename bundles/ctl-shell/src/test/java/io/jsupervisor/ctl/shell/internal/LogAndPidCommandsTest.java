package io.jsupervisor.ctl.shell.internal;

import static io.jsupervisor.ctl.shell.internal.FakeProcessManager.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.LogFollow;
import io.jsupervisor.ctl.shell.Supervisorctl;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** tail, maintail, clear and pid (spec §4.3). */
class LogAndPidCommandsTest {
    private final FakeProcessManager manager = new FakeProcessManager();
    private final Supervisorctl ctl = new Supervisorctl(manager);

    private static void assertResult(CtlResult result, int exitStatus, String... lines) {
        assertEquals(List.of(lines), result.lines());
        assertEquals(exitStatus, result.exitStatus());
    }

    @Test
    void tailReadsTheLast1600BytesOfStdoutAndAddsANewline() {
        manager.logs.put("foo/stdout", "one\ntwo\n".getBytes(StandardCharsets.UTF_8));
        CtlResult result = ctl.execute("tail foo");
        assertEquals("one\ntwo\n\n", result.text());
        assertEquals(0, result.exitStatus());
        assertEquals(List.of("readProcessLog(foo,stdout,-1600,0)"), manager.calls);
    }

    @Test
    void tailTakesAByteCountAndAChannel() {
        manager.logs.put("grp:a/stderr", "é".getBytes(StandardCharsets.UTF_8));
        assertResult(ctl.execute("tail -100 grp:a STDERR"), 0, "é");
        assertEquals(List.of("readProcessLog(grp:a,stderr,-100,0)"), manager.calls);
    }

    @Test
    void tailArgumentErrorsExit1() {
        assertResult(ctl.execute("tail foo bar"), 1, "Error: bad channel 'bar'");
        assertResult(ctl.execute("tail -x foo"), 1, "Error: bad argument -x");
        assertResult(ctl.execute("tail -100"), 1, "Error: tail requires process name");
        CtlResult tooMany = ctl.execute("tail -1 a b c");
        assertEquals("Error: too many arguments", tooMany.lines().get(0));
        assertEquals(1, tooMany.exitStatus());
        CtlResult tooFew = ctl.execute("tail");
        assertEquals(List.of("Error: too few arguments", "tail [-f] <name> [stdout|stderr] (default stdout)\n"
                + "Ex:\n"
                + "tail -f <name>\t\tContinuous tail of named process stdout\n"
                + "\t\t\tCtrl-C to exit.\n"
                + "tail -100 <name>\tlast 100 *bytes* of process stdout\n"
                + "tail <name> stderr\tlast 1600 *bytes* of process stderr"), tooFew.lines());
        assertEquals(List.of(), manager.calls);
    }

    @Test
    void tailDashFPrintsTheBannerAndAsksToFollow() {
        CtlResult result = ctl.execute("tail -f foo STDERR");
        assertEquals(List.of("==> Press Ctrl-C to exit <=="), result.lines());
        assertEquals(new LogFollow("foo", LogChannel.STDERR), result.follow());
        assertEquals("/logtail/foo/stderr", result.follow().httpPath());
        assertEquals(List.of(), manager.calls);
        CtlResult main = ctl.execute("maintail -f");
        assertEquals(List.of("==> Press Ctrl-C to exit <=="), main.lines());
        assertEquals("/mainlogtail", main.follow().httpPath());
        assertEquals(null, ctl.execute("tail foo").follow());
    }

    @Test
    void tailFaultsExit1() {
        manager.fault("readProcessLog(x,stdout,-1600,0)", Fault.BAD_NAME, "x");
        manager.fault("readProcessLog(n,stdout,-1600,0)", Fault.NO_FILE, "None");
        manager.fault("readProcessLog(f,stdout,-1600,0)", Fault.FAILED, "f");
        assertResult(ctl.execute("tail x"), 1, "x: ERROR (no such process name)");
        assertResult(ctl.execute("tail n"), 1, "n: ERROR (no log file)");
        assertResult(ctl.execute("tail f"), 1, "f: ERROR (unknown error reading log)");
    }

    @Test
    void maintailReadsTheMainLog() {
        manager.logs.put("main", "2026-11-24 INFO started\n".getBytes(StandardCharsets.UTF_8));
        assertResult(ctl.execute("maintail -50"), 0, "2026-11-24 INFO started\n");
        assertEquals(List.of("readMainLog(-50,0)"), manager.calls);
    }

    @Test
    void maintailErrors() {
        manager.fault("readMainLog(-1600,0)", Fault.NO_FILE, "/tmp/x.log");
        assertResult(ctl.execute("maintail"), 1, "supervisord: ERROR (no log file)");
        assertResult(ctl.execute("maintail 100"), 1, "Error: bad argument 100");
        assertEquals("Error: too many arguments", ctl.execute("maintail -1 -2").lines().get(0));
    }

    @Test
    void pidOfSupervisordAndOfProcesses() {
        manager.process("foo", "foo", ProcessState.RUNNING, "pid 123", 123)
                .process("grp", "a", ProcessState.STOPPED, "Not started", 0);
        assertResult(ctl.execute("pid"), 0, "4242");
        assertResult(ctl.execute("pid foo"), 0, "123");
        assertResult(ctl.execute("pid all"), 0, "123", "0");
    }

    @Test
    void pidOfStoppedProcessExits7AndUnknownExits1() {
        manager.process("grp", "a", ProcessState.STOPPED, "Not started", 0);
        assertResult(ctl.execute("pid grp:a"), 7, "0");
        assertResult(ctl.execute("pid grp:a nosuch"), 1, "0", "No such process nosuch");
    }

    @Test
    void clearReportsEachProcess() {
        manager.fault("clearProcessLogs(x)", Fault.BAD_NAME, "x");
        assertResult(ctl.execute("clear foo x"), 1, "foo: cleared", "x: ERROR (no such process)");
    }

    @Test
    void clearAllAndClearOfAGroupSelector() {
        manager.results("clearAllProcessLogs()", result("foo", "foo", Fault.SUCCESS, "OK"),
                result("grp", "a", Fault.FAILED, "FAILED: grp:a"));
        assertResult(ctl.execute("clear all"), 1, "foo: cleared", "grp:a: ERROR (failed)");
        // the reference has no group form for clear and names it after Python's None
        manager.fault("clearProcessLogs(grp:*)", Fault.BAD_NAME, "grp:*");
        assertResult(ctl.execute("clear grp:*"), 1, "grp:None: ERROR (no such process)");
    }

    @Test
    void clearWithoutNamesExits1() {
        CtlResult result = ctl.execute("clear");
        assertEquals("Error: clear requires a process name", result.lines().get(0));
        assertEquals(1, result.exitStatus());
    }
}
