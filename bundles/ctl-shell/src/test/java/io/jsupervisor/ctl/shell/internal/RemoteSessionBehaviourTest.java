package io.jsupervisor.ctl.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.ProcessState;
import io.jsupervisor.ctl.shell.AuthenticationRequired;
import io.jsupervisor.ctl.shell.ConnectionFailure;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.Session;
import io.jsupervisor.ctl.shell.Supervisorctl;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a remote front end adds: 401 handling, connection errors, confirmations, open, fg, quit. */
class RemoteSessionBehaviourTest {
    private final FakeProcessManager manager = new FakeProcessManager();

    /** A scripted user at the shell. */
    private static class ScriptedSession implements Session {
        final Deque<String> answers = new ArrayDeque<>();
        final List<String> prompts = new ArrayList<>();
        final List<String> logins = new ArrayList<>();
        final List<String> opened = new ArrayList<>();
        final boolean interactive;

        ScriptedSession(boolean interactive, String... answers) {
            this.interactive = interactive;
            this.answers.addAll(List.of(answers));
        }

        @Override
        public boolean interactive() {
            return interactive;
        }

        @Override
        public String readLine(String prompt) {
            prompts.add(prompt);
            return answers.poll();
        }

        @Override
        public void login(String username, String password) {
            logins.add(username + "/" + password);
        }

        @Override
        public String serverUrl() {
            return "unix:///tmp/x.sock";
        }

        @Override
        public boolean open(String url) {
            opened.add(url);
            return true;
        }
    }

    private static void assertResult(CtlResult result, int exitStatus, String... lines) {
        assertEquals(List.of(lines), result.lines());
        assertEquals(exitStatus, result.exitStatus());
    }

    @Test
    void unauthorizedNonInteractiveRunsTwiceAndShowsTheProtocolError() {
        int[] calls = {0};
        Upcheck denied = () -> {
            calls[0]++;
            throw new AuthenticationRequired("<ProtocolError for 127.0.0.1/RPC2: 401 Unauthorized>");
        };
        Supervisorctl ctl = new Supervisorctl(manager, denied, new ScriptedSession(false));
        assertResult(ctl.execute("status"), 1, "Server requires authentication",
                "error: <class 'xmlrpc.client.ProtocolError'>, <ProtocolError for 127.0.0.1/RPC2: 401 Unauthorized>");
        assertEquals(2, calls[0]);
    }

    @Test
    void unauthorizedInteractiveAsksForCredentialsAndRetries() {
        boolean[] loggedIn = {false};
        ScriptedSession session = new ScriptedSession(true, "alice", "secret") {
            @Override
            public void login(String username, String password) {
                super.login(username, password);
                loggedIn[0] = true;
            }
        };
        Upcheck upcheck = () -> {
            if (!loggedIn[0]) {
                throw new AuthenticationRequired("<ProtocolError for 127.0.0.1/RPC2: 401 Unauthorized>");
            }
            return java.util.Optional.empty();
        };
        Supervisorctl ctl = new Supervisorctl(manager, upcheck, session);
        CtlResult result = ctl.execute("version");
        assertResult(result, 0, "Server requires authentication", "", "4.2.5");
        assertEquals(List.of("Username:", "Password:"), session.prompts);
        assertEquals(List.of("alice/secret"), session.logins);
    }

    @Test
    void shutdownOfAStoppedServerNamesTheUrl() {
        FakeProcessManager gone = new FakeProcessManager() {
            @Override
            public void shutdown() {
                throw ConnectionFailure.noSuchFile(null);
            }
        };
        Supervisorctl ctl = new Supervisorctl(gone, Upcheck.ALWAYS_UP, new ScriptedSession(false));
        assertResult(ctl.execute("shutdown"), 1, "ERROR: unix:///tmp/x.sock no such file (already shut down?)");
    }

    @Test
    void unhandledConnectionErrorIsShownAsPythonWould() {
        FakeProcessManager gone = new FakeProcessManager() {
            @Override
            public java.util.List<io.jsupervisor.api.ConfigInfo> allConfigInfo() {
                throw ConnectionFailure.refused(null);
            }
        };
        assertResult(new Supervisorctl(gone).execute("avail"), 1,
                "error: <class 'ConnectionRefusedError'>, [Errno 111] Connection refused");
    }

    @Test
    void interactiveReloadAsksAndDoesNothingUnlessYes() {
        ScriptedSession session = new ScriptedSession(true, "n", "Yes");
        Supervisorctl ctl = new Supervisorctl(manager, Upcheck.ALWAYS_UP, session);
        assertResult(ctl.execute("reload"), 0);
        assertResult(ctl.execute("reload"), 0, "Restarted supervisord");
        assertEquals(List.of("restart()"), manager.calls);
        assertEquals("Really restart the remote supervisord process y/N? ", session.prompts.get(0));
    }

    @Test
    void openChecksTheSchemeThenShowsStatusKeepingTheExitStatus() {
        ScriptedSession session = new ScriptedSession(false);
        Supervisorctl ctl = new Supervisorctl(manager, Upcheck.ALWAYS_UP, session);
        assertResult(ctl.execute("open ftp://x"), 1, "ERROR: url must be http:// or unix://");
        manager.process("foo", "foo", ProcessState.STOPPED, "Not started", 0);
        CtlResult result = ctl.execute("open http://127.0.0.1:9001");
        assertEquals(0, result.exitStatus());
        assertEquals(List.of("http://127.0.0.1:9001"), session.opened);
        assertTrue(result.lines().get(0).startsWith("foo "));
        assertResult(new Supervisorctl(manager).execute("open http://h"), 1,
                "ERROR: open is only available in bin/supervisorctl");
    }

    @Test
    void fgChecksItsArgumentsAndTheState() {
        Supervisorctl ctl = new Supervisorctl(manager);
        assertResult(ctl.execute("fg"), 1, "ERROR: no process name supplied",
                "fg <process>\tConnect to a process in foreground mode", "\t\tCtrl-C to exit");
        assertResult(ctl.execute("fg a b"), 1, "ERROR: too many process names supplied");
        assertResult(ctl.execute("fg nosuch"), 1, "ERROR: bad process name supplied");
        manager.process("foo", "foo", ProcessState.STOPPED, "Not started", 0);
        assertResult(ctl.execute("fg foo"), 1, "ERROR: process not running");
        manager.process("bar", "bar", ProcessState.RUNNING, "pid 1, uptime 0:00:01", 1);
        CtlResult result = ctl.execute("fg bar");
        assertResult(result, 0, "==> Press Ctrl-C to exit <==");
        assertTrue(result.follow().foreground());
        assertEquals("/logtail/bar/stdout", result.follow().httpPath());
    }

    @Test
    void foregroundSendsLinesUntilEndOfInput() {
        manager.process("bar", "bar", ProcessState.RUNNING, "pid 1, uptime 0:00:01", 1);
        Supervisorctl ctl = new Supervisorctl(manager, Upcheck.ALWAYS_UP, new ScriptedSession(true, "hello"));
        List<String> out = new ArrayList<>();
        ctl.foreground("bar", out::add);
        assertEquals(List.of("Exiting foreground"), out);
        assertTrue(manager.calls.contains("sendProcessStdin(bar,hello\n)"), manager.calls.toString());
    }

    @Test
    void quitWordsPrintAnEmptyLineAndEndTheShell() {
        Supervisorctl ctl = new Supervisorctl(manager);
        for (String word : List.of("quit", "exit", "EOF")) {
            assertResult(ctl.execute(word), 0, "");
            assertTrue(ctl.endsShell(word + " now"));
        }
        assertFalse(ctl.endsShell("status"));
        assertResult(ctl.execute("help quit"), 0, "quit\tExit the supervisor shell.");
        assertResult(ctl.execute("help EOF"), 0, "*** No help on EOF");
    }
}
