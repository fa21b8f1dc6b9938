package io.jsupervisor.rpc.xml.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The supervisor.* and system.* methods as Python's xmlrpc.client sees them. */
class RpcMethodsTest {
    private final FakeProcessManager pm = new FakeProcessManager();
    private TestServer server;
    private String url;

    @BeforeEach
    void start() throws Exception {
        RpcServlet servlet = new RpcServlet(new MethodTable(pm).dispatcher(), () -> 2 * 1024 * 1024);
        server = new TestServer().servlet(servlet, "/RPC2", "/RPC2/*").start();
        url = server.url("/RPC2");
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String py(String code) throws Exception {
        return Python.run(url, code);
    }

    @Test
    void listMethodsHasTheReferences41NamesSorted() throws Exception {
        String expected = "['supervisor.addProcessGroup', 'supervisor.clearAllProcessLogs', 'supervisor.clearLog',"
                + " 'supervisor.clearProcessLog', 'supervisor.clearProcessLogs', 'supervisor.getAPIVersion',"
                + " 'supervisor.getAllConfigInfo', 'supervisor.getAllProcessInfo', 'supervisor.getIdentification',"
                + " 'supervisor.getPID', 'supervisor.getProcessInfo', 'supervisor.getState',"
                + " 'supervisor.getSupervisorVersion', 'supervisor.getVersion', 'supervisor.readLog',"
                + " 'supervisor.readMainLog', 'supervisor.readProcessLog', 'supervisor.readProcessStderrLog',"
                + " 'supervisor.readProcessStdoutLog', 'supervisor.reloadConfig', 'supervisor.removeProcessGroup',"
                + " 'supervisor.restart', 'supervisor.sendProcessStdin', 'supervisor.sendRemoteCommEvent',"
                + " 'supervisor.shutdown', 'supervisor.signalAllProcesses', 'supervisor.signalProcess',"
                + " 'supervisor.signalProcessGroup', 'supervisor.startAllProcesses', 'supervisor.startProcess',"
                + " 'supervisor.startProcessGroup', 'supervisor.stopAllProcesses', 'supervisor.stopProcess',"
                + " 'supervisor.stopProcessGroup', 'supervisor.tailProcessLog', 'supervisor.tailProcessStderrLog',"
                + " 'supervisor.tailProcessStdoutLog', 'system.listMethods', 'system.methodHelp',"
                + " 'system.methodSignature', 'system.multicall'] 41";
        assertEquals(expected, py("m = s.system.listMethods(); print(m, len(m))"));
    }

    @Test
    void methodSignatureAndHelpFollowTheDocTags() throws Exception {
        assertEquals("['boolean', 'string', 'boolean'] ['struct', 'string'] ['array', 'string', 'int', 'int']",
                py("print(s.system.methodSignature('supervisor.startProcess'),"
                        + " s.system.methodSignature('supervisor.getProcessInfo'),"
                        + " s.system.methodSignature('supervisor.tailProcessLog'))"));
        assertTrue(py("print(s.system.methodHelp('supervisor.startProcess'))").contains("@param string name"));
        assertEquals("4 SIGNATURE_UNSUPPORTED", py("""
                try:
                    s.system.methodHelp('supervisor.nope')
                except xmlrpc.client.Fault as f:
                    print(f.faultCode, f.faultString)"""));
    }

    @Test
    void simpleQueriesAnswerWithTheReferenceShapes() throws Exception {
        assertEquals("3.0 3.0 4.2.5 supervisor {'statecode': 1, 'statename': 'RUNNING'} 4242",
                py("print(s.supervisor.getAPIVersion(), s.supervisor.getVersion(),"
                        + " s.supervisor.getSupervisorVersion(), s.supervisor.getIdentification(),"
                        + " s.supervisor.getState(), s.supervisor.getPID())"));
        assertEquals("[[['new'], [], ['old1', 'old2']]]", py("print(s.supervisor.reloadConfig())"));
    }

    @Test
    void processInfoHasTheReferenceKeysInOrder() throws Exception {
        assertEquals("['name', 'group', 'start', 'stop', 'now', 'state', 'statename', 'spawnerr', 'exitstatus',"
                + " 'logfile', 'stdout_logfile', 'stderr_logfile', 'pid', 'description'] 20 RUNNING /tmp/foo.log",
                py("i = s.supervisor.getProcessInfo('foo'); print(list(i), i['state'], i['statename'], i['logfile'])"));
        assertEquals("none none auto 52428800 [0, 2] 29",
                py("c = s.supervisor.getAllConfigInfo()[0]; print(c['uid'], c['directory'], c['serverurl'],"
                        + " c['stdout_logfile_maxbytes'], c['exitcodes'], len(c))"));
    }

    @Test
    void faultsCarryCodeAndNameWithDetail() throws Exception {
        String script = """
                def f(call, *a):
                    try:
                        call(*a); print('no fault')
                    except xmlrpc.client.Fault as e:
                        print(e.faultCode, e.faultString)
                f(s.supervisor.getProcessInfo, 'nope')
                f(s.supervisor.stopProcess, 'foo')
                f(s.supervisor.addProcessGroup, 'grp')
                f(s.supervisor.readLog, -5, 3)
                """;
        assertEquals("10 BAD_NAME: nope\n70 NOT_RUNNING: foo\n90 ALREADY_ADDED: grp\n3 BAD_ARGUMENTS", py(script));
    }

    @Test
    void unknownAndMalformedMethodNamesAreUnknownMethod() throws Exception {
        String script = """
                for name in ['supervisor.noSuchMethod', 'nosuchnamespace.getState', 'getState',
                             'supervisor.getState.extra', 'supervisor._update', 'supervisor.', '.getState',
                             'system.multicall.x', 'supervisor.__init__']:
                    try:
                        getattr(s, name)(); print(name, 'no fault')
                    except xmlrpc.client.Fault as e:
                        print(e.faultCode, e.faultString)
                """;
        assertEquals("1 UNKNOWN_METHOD\n".repeat(9).strip(), py(script));
    }

    @Test
    void wrongArgumentCountsAndTypesAreIncorrectParameters() throws Exception {
        String script = """
                def f(call, *a):
                    try:
                        call(*a); print('no fault')
                    except xmlrpc.client.Fault as e:
                        print(e.faultCode, e.faultString)
                f(s.supervisor.getState, 'extra')
                f(s.supervisor.getProcessInfo)
                f(s.supervisor.getProcessInfo, 12)
                f(s.supervisor.readProcessStdoutLog, 'foo', 0)
                f(s.supervisor.readProcessStdoutLog, 'foo', 'zero', 0)
                f(s.supervisor.sendProcessStdin, 'foo', 123)
                f(s.supervisor.startProcess, 'foo', 'yes')
                f(s.supervisor.startProcess, 'foo', True, 1)
                f(s.system.multicall, 'x')
                """;
        // sendProcessStdin names the value, as the reference does
        assertEquals(("2 INCORRECT_PARAMETERS\n".repeat(5) + "2 INCORRECT_PARAMETERS: 123\n"
                + "2 INCORRECT_PARAMETERS\n".repeat(3)).strip(), py(script));
    }

    @Test
    void badNamesNeverCrashTheServer() throws Exception {
        String script = """
                for name in ['../../etc/passwd', 'grp:../x', '', ':', '*', 'a/b']:
                    try:
                        s.supervisor.getProcessInfo(name); print('no fault')
                    except xmlrpc.client.Fault as e:
                        print(e.faultCode)
                try:
                    s.supervisor.getProcessInfo('a\\x00b')
                except xmlrpc.client.ProtocolError as e:
                    print(e.errcode)  # NUL cannot travel in XML 1.0: the request is malformed
                print(s.supervisor.getState()['statename'])
                """;
        assertEquals("10\n10\n10\n10\n10\n10\n400\nRUNNING", py(script));
    }

    @Test
    void waitDefaultsToTrueAndGroupWildcardAnswersTheGroupArray() throws Exception {
        String script = """
                print(s.supervisor.startProcess('foo'))
                print(s.supervisor.startProcess('foo', False))
                print(s.supervisor.startProcess('grp:*'))
                print(len(s.supervisor.stopProcess('grp:')))
                print(s.supervisor.signalProcess('grp:*', 'HUP')[0]['status'])
                print(s.supervisor.signalProcess('foo', 9))
                """;
        assertEquals("True\nTrue\n[{'name': 'a', 'group': 'grp', 'status': 80, 'description': 'OK'},"
                + " {'name': 'b', 'group': 'grp', 'status': 50, 'description': 'SPAWN_ERROR: quick'}]\n2\n80\nTrue",
                py(script));
        assertEquals(java.util.List.of("startProcess foo true", "startProcess foo false",
                "startProcessGroup grp true", "stopProcessGroup grp true", "signalProcessGroup grp HUP",
                "signalProcess foo 9"), pm.calls());
    }

    @Test
    void multicallReturnsUnwrappedValuesAndFaultStructs() throws Exception {
        String script = """
                r = s.system.multicall([
                    {'methodName': 'supervisor.getAPIVersion', 'params': []},
                    {'methodName': 'supervisor.getProcessInfo', 'params': ['nosuch']},
                    {'methodName': 'supervisor.startProcess', 'params': ['foo']},
                    {'methodName': 'supervisor.noSuchMethod', 'params': []},
                    {'methodName': 'system.multicall', 'params': [[]]},
                    {'methodName': 'supervisor.getState'},
                    {'params': []},
                ])
                for x in r: print(x)
                """;
        assertEquals("""
                3.0
                {'faultCode': 10, 'faultString': 'BAD_NAME: nosuch'}
                True
                {'faultCode': 1, 'faultString': 'UNKNOWN_METHOD'}
                {'faultCode': 2, 'faultString': 'INCORRECT_PARAMETERS: Recursive system.multicall forbidden'}
                {'statecode': 1, 'statename': 'RUNNING'}
                {'faultCode': 2, 'faultString': 'INCORRECT_PARAMETERS: No methodName'}""", py(script));
    }

    @Test
    void multicallWaitsForADeferredCallBeforeTheNext() throws Exception {
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        pm.nextStart = started;
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return py("print(s.system.multicall([{'methodName': 'supervisor.startProcess', 'params': ['foo']},"
                        + " {'methodName': 'supervisor.stopProcess', 'params': ['foo']}]))");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Wait.until(() -> pm.calls().contains("startProcess foo true"));
        // another client is served meanwhile, and the second call has not run yet
        assertEquals("RUNNING", py("print(s.supervisor.getState()['statename'])"));
        assertEquals(java.util.List.of("startProcess foo true"), pm.calls());
        started.complete(true);
        assertEquals("[True, {'faultCode': 70, 'faultString': 'NOT_RUNNING: foo'}]", answer.get());
    }

    @Test
    void aWaitingCallHoldsItsReplyUntilTheFutureCompletes() throws Exception {
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        pm.nextStart = started;
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> {
            try {
                return py("print(s.supervisor.startProcess('foo'))");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Wait.until(() -> pm.calls().contains("startProcess foo true"));
        assertTrue(!answer.isDone());
        started.completeExceptionally(new io.jsupervisor.api.SupervisorException(
                io.jsupervisor.api.Fault.SPAWN_ERROR, "foo"));
        assertTrue(answer.handle((v, t) -> t.getMessage()).get().contains("SPAWN_ERROR: foo"));
    }

    @Test
    void logTextWithControlCharactersAndBrokenUtf8StillParses() throws Exception {
        pm.log = new byte[] {'a', 0, 'b', 0x1b, '[', '3', '1', 'm', '\t', '\r', '\n', (byte) 0xe2, (byte) 0x82, 'c',
            (byte) 0xf0, (byte) 0x9f, (byte) 0x98, (byte) 0x80};
        String expected = "'a\\u2400b\\u241b[31m\\t\\r\\n\\ufffdc\\U0001f600'";
        assertEquals(expected, py("print(ascii(s.supervisor.readProcessStdoutLog('foo', 0, 0)))"));
        assertEquals(expected, py("print(ascii(s.supervisor.readLog(0, 0)))"));
        assertEquals("[" + expected + ", 2147483647, True]",
                py("print(ascii(s.supervisor.tailProcessStdoutLog('foo', 0, 10)))"));
    }

    @Test
    void longsAreCappedToInt() throws Exception {
        pm.pid = 1L << 40;
        assertEquals("2147483647", py("print(s.supervisor.getPID())"));
    }

    @Test
    void shutdownStateFaultsTheQueriesThatDoNotReachTheCore() throws Exception {
        pm.state = io.jsupervisor.api.SupervisorState.SHUTDOWN;
        assertEquals("6 SHUTDOWN_STATE", py("""
                try:
                    s.supervisor.getState()
                except xmlrpc.client.Fault as e:
                    print(e.faultCode, e.faultString)"""));
        assertEquals("['system.listMethods']", py("print(s.system.listMethods()[-4:-3])"));
    }

    @Test
    void inShutdownStateTheDaemonQueriesFaultButRemoteEventsAndSystemMethodsAnswer() throws Exception {
        pm.state = io.jsupervisor.api.SupervisorState.SHUTDOWN;
        assertEquals("6 6 6 6 6 6 True 41 ['string']", py("""
                def code(call):
                    try:
                        call(); return 'no fault'
                    except xmlrpc.client.Fault as e:
                        return e.faultCode
                sv = s.supervisor
                print(code(sv.getAPIVersion), code(sv.getVersion), code(sv.getSupervisorVersion),
                      code(sv.getIdentification), code(sv.getPID), code(sv.getState),
                      sv.sendRemoteCommEvent('t', 'd'), len(s.system.listMethods()),
                      s.system.methodSignature('supervisor.getIdentification'))"""));
    }

    @Test
    void stdinAndRemoteEventsPassTextThrough() throws Exception {
        assertEquals("True True", py("print(s.supervisor.sendProcessStdin('foo', 'héllo\\n'),"
                + " s.supervisor.sendRemoteCommEvent('t', 'd'))"));
        assertEquals(java.util.List.of("sendProcessStdin foo héllo\n", "sendRemoteCommEvent t d"), pm.calls());
    }
}
