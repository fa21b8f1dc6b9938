package io.jsupervisor.ctl.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.Fault;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.Supervisorctl;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Command dispatch, unhandled faults, help, upcheck, and the daemon commands (spec §4.1 to §4.3). */
class ShellBehaviourTest {
    private final FakeProcessManager manager = new FakeProcessManager();
    private final Supervisorctl ctl = new Supervisorctl(manager);

    private static final List<String> HELP_PID = List.of("pid\t\t\tGet the PID of supervisord.",
            "pid <name>\t\tGet the PID of a single child process by name.",
            "pid all\t\t\tGet the PID of every child process, one per line.");

    private static void assertResult(CtlResult result, int exitStatus, String... lines) {
        assertEquals(List.of(lines), result.lines());
        assertEquals(exitStatus, result.exitStatus());
    }

    @Test
    void unknownCommandIsUnknownSyntax() {
        assertResult(ctl.execute("  frobnicate  the thing "), 1, "*** Unknown syntax: frobnicate  the thing");
        // Python's cmd splits the command word at the first non-identifier character
        assertResult(ctl.execute("?pid"), 0, HELP_PID.toArray(String[]::new));
        assertResult(ctl.execute("pid.x"), 1, "No such process .x");
        assertResult(ctl.execute("no.such"), 1, "*** Unknown syntax: no.such");
        assertResult(ctl.execute("   "), 0);
    }

    @Test
    void unhandledFaultPrintsTheErrorLineAndExits1() {
        manager.fault("allProcessInfo()", Fault.SHUTDOWN_STATE);
        assertResult(ctl.execute("status"), 1, "error: <class 'xmlrpc.client.Fault'>, <Fault 6: 'SHUTDOWN_STATE'>");
    }

    @Test
    void versionIsTheReferenceRelease() {
        assertResult(ctl.execute("version"), 0, "4.2.5");
    }

    @Test
    void reloadAndShutdown() {
        assertResult(ctl.execute("reload"), 0, "Restarted supervisord");
        assertResult(ctl.execute("shutdown"), 0, "Shut down");
        assertEquals(List.of("restart()", "shutdown()"), manager.calls);
    }

    @Test
    void alreadyShuttingDownExits1ForReloadButNotForShutdown() {
        manager.fault("restart()", Fault.SHUTDOWN_STATE);
        manager.fault("shutdown()", Fault.SHUTDOWN_STATE);
        assertResult(ctl.execute("reload"), 1, "ERROR: already shutting down");
        assertResult(ctl.execute("shutdown"), 0, "ERROR: already shutting down");
    }

    @Test
    void helpListsTopicsInPythonCmdColumns() {
        // the reference's supervisorctl help, byte for byte (trailing blanks included)
        assertEquals("\n"
                + "default commands (type help <topic>):\n"
                + "=====================================\n"
                + "add    exit      open  reload  restart   start   tail   \n"
                + "avail  fg        pid   remove  shutdown  status  update \n"
                + "clear  maintail  quit  reread  signal    stop    version\n"
                + "\n", ctl.execute("help").text());
    }

    @Test
    void helpOfACommand() {
        assertResult(ctl.execute("help pid"), 0, HELP_PID.toArray(String[]::new));
        assertResult(ctl.execute("help nosuch"), 0, "*** No help on nosuch");
    }

    @Test
    void failedUpcheckStopsTheCommandWithItsStatus() {
        Supervisorctl refused = new Supervisorctl(manager,
                () -> Optional.of(new CtlResult(List.of("http://127.0.0.1:9001 refused connection"), 4)));
        assertResult(refused.execute("start foo"), 4, "http://127.0.0.1:9001 refused connection");
        assertResult(refused.execute("version"), 4, "http://127.0.0.1:9001 refused connection");
        // avail does no upcheck in the reference
        assertResult(refused.execute("avail"), 0);
        assertEquals(List.of("allConfigInfo()"), manager.calls);
    }

    @Test
    void pythonReprQuotesLikePython() {
        assertEquals("'a'", PyText.repr("a"));
        assertEquals("\"it's\"", PyText.repr("it's"));
        assertEquals("'both \\' \"'", PyText.repr("both ' \""));
        assertEquals("'a\\nb'", PyText.repr("a\nb"));
    }
}
