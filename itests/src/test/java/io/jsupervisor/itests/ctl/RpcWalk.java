package io.jsupervisor.itests.ctl;

/**
 * A Python {@code xmlrpc.client} script that calls every {@code supervisor.*} and {@code system.*} method with
 * good arguments and with each fault it can give, printing one normalised line per call. Run against the
 * reference and against ours, the two printouts must be equal. Arguments: server URL, the side's directory.
 * Leaves the processes as it found them (runner, pair and listener running; quick exited; manual stopped).
 */
final class RpcWalk {
    private RpcWalk() {
    }

    private static final String SAME_PRIORITY = "core: the 'all' results list groups of equal priority by name; the "
            + "reference keeps the order the groups were added (config order at start-up, then each add/update), "
            + "e.g. pair before fresh";

    /** Lines (by label) that differ for a known reason outside rpc-xml, left out of the comparison. */
    static final java.util.Map<String, String> KNOWN_DIFFERENCES = java.util.Map.of(
            "getAllConfigInfo", "core: ConfigInfo gives the resolved path for an AUTO stdout_logfile/stderr_logfile "
                    + "where the reference gives 'auto' after a reloadConfig (its option objects are parsed anew then, "
                    + "while the running groups keep the resolved ones)",
            "signalAllProcesses HUP", SAME_PRIORITY,
            "signalAllProcesses BOGUS", SAME_PRIORITY,
            "clearAllProcessLogs", SAME_PRIORITY);

    /** {@code output} without the lines of {@link #KNOWN_DIFFERENCES}. */
    static String withoutKnownDifferences(String output) {
        return output.lines().filter(line -> !KNOWN_DIFFERENCES.containsKey(line.split(" -> ", 2)[0]))
                .map(line -> line + "\n").collect(java.util.stream.Collectors.joining());
    }

    static final String SCRIPT = """
            import re, sys, xmlrpc.client
            s = xmlrpc.client.ServerProxy(sys.argv[1])
            DIR = sys.argv[2]
            VOLATILE = ('start', 'stop', 'now', 'pid')

            def norm(v):
                if isinstance(v, dict):
                    return {k: ('<N>' if k in VOLATILE and v[k] else norm(v[k])) for k in v}
                if isinstance(v, list):
                    return [norm(x) for x in v]
                if isinstance(v, str):
                    v = v.replace(DIR, '<DIR>')
                    v = re.sub(r'---supervisor-[a-z0-9_]{8}\\.log', '---supervisor-<RANDOM>.log', v)
                    v = re.sub(r'pid \\d+, uptime \\d+:\\d\\d:\\d\\d', 'pid <PID>, uptime <UPTIME>', v)
                    return re.sub(r'[A-Z][a-z]{2} \\d\\d \\d\\d:\\d\\d [AP]M', '<TIME>', v)
                return v

            def call(label, f, *a, shape=None):
                try:
                    r = f(*a)
                    r = shape(r) if shape else norm(r)
                except xmlrpc.client.Fault as e:
                    r = 'FAULT %d %s' % (e.faultCode, norm(e.faultString))
                except Exception as e:
                    r = 'ERROR %s' % type(e).__name__
                print(label, '->', repr(r))

            sv = s.supervisor
            states = lambda infos: [(i['group'], i['name'], i['statename']) for i in infos]
            # results of waiting group calls, sorted: ours lists them in completion order (see
            # SideBySideCtlTest.restartAll), which varies between processes that finish together
            by_name = lambda rs: sorted(norm(r['group'] + ':' + r['name'] + ' ' + str(r['status']) + ' '
                                             + r['description']) for r in rs)
            # identity and state
            call('getAPIVersion', sv.getAPIVersion)
            call('getVersion', sv.getVersion)
            call('getSupervisorVersion', sv.getSupervisorVersion)
            call('getIdentification', sv.getIdentification)
            call('getState', sv.getState)
            call('getPID', sv.getPID, shape=lambda p: p > 1)
            # main log
            call('readLog -10,0', sv.readLog, -10, 0, shape=lambda t: (type(t).__name__, len(t)))
            call('readMainLog 0,5', sv.readMainLog, 0, 5, shape=lambda t: (type(t).__name__, len(t)))
            call('readLog past end', sv.readLog, 10**8, 0)
            call('readLog -5,3', sv.readLog, -5, 3)
            call('readLog 0,-1', sv.readLog, 0, -1)
            call('clearLog', sv.clearLog)
            call('readLog after clearLog', sv.readLog, 0, 0, shape=lambda t: 'CRIT' not in t and 'spawned' not in t)
            # process info
            call('getProcessInfo runner', sv.getProcessInfo, 'runner')
            call('getProcessInfo pair:pair_00', sv.getProcessInfo, 'pair:pair_00')
            call('getProcessInfo quick', sv.getProcessInfo, 'quick')
            call('getProcessInfo manual', sv.getProcessInfo, 'manual')
            call('getProcessInfo failing', sv.getProcessInfo, 'failing')
            for bad in ['nosuch', 'pair', 'pair:*', 'pair:', 'pair:nosuch', '../runner', '']:
                call('getProcessInfo %r' % bad, sv.getProcessInfo, bad)
            call('getAllProcessInfo', sv.getAllProcessInfo)
            call('getAllConfigInfo', sv.getAllConfigInfo)
            # start
            call('startProcess runner', sv.startProcess, 'runner')
            call('startProcess nosuch', sv.startProcess, 'nosuch')
            call('startProcess missing', sv.startProcess, 'missing')
            call('startProcess noexec', sv.startProcess, 'noexec')
            call('startProcess failing', sv.startProcess, 'failing')
            call('startProcess manual nowait', sv.startProcess, 'manual', False)
            call('startProcess quick', sv.startProcess, 'quick', True)
            call('startProcess pair:*', sv.startProcess, 'pair:*')
            call('startProcessGroup pair', sv.startProcessGroup, 'pair')
            call('startProcessGroup nosuch', sv.startProcessGroup, 'nosuch')
            call('startProcessGroup missing', sv.startProcessGroup, 'missing')
            # stop
            call('stopProcess manual', sv.stopProcess, 'manual')
            call('stopProcess manual again', sv.stopProcess, 'manual')
            call('stopProcess nosuch', sv.stopProcess, 'nosuch')
            call('stopProcess pair:', sv.stopProcess, 'pair:', shape=by_name)
            call('stopProcessGroup pair', sv.stopProcessGroup, 'pair', shape=by_name)
            call('stopProcessGroup nosuch', sv.stopProcessGroup, 'nosuch')
            call('startProcessGroup pair wait', sv.startProcessGroup, 'pair', True, shape=by_name)
            call('stopAllProcesses', sv.stopAllProcesses, shape=by_name)
            call('states after stopAll', sv.getAllProcessInfo, shape=states)
            call('startAllProcesses', sv.startAllProcesses, shape=by_name)
            call('stopProcess missing', sv.stopProcess, 'missing')
            call('stopProcess manual', sv.stopProcess, 'manual')
            # signals
            call('signalProcess runner HUP', sv.signalProcess, 'runner', 'HUP')
            call('signalProcess runner 1', sv.signalProcess, 'runner', '1')
            call('signalProcess runner int', sv.signalProcess, 'runner', 1)
            call('signalProcess runner BOGUS', sv.signalProcess, 'runner', 'BOGUS')
            call('signalProcess runner 999', sv.signalProcess, 'runner', '999')
            call('signalProcess quick HUP', sv.signalProcess, 'quick', 'HUP')
            call('signalProcess nosuch HUP', sv.signalProcess, 'nosuch', 'HUP')
            call('signalProcess pair:* USR1', sv.signalProcess, 'pair:*', 'USR1')
            call('signalProcessGroup pair USR1', sv.signalProcessGroup, 'pair', 'USR1')
            call('signalProcessGroup pair BOGUS', sv.signalProcessGroup, 'pair', 'BOGUS')
            call('signalProcessGroup nosuch', sv.signalProcessGroup, 'nosuch', 'HUP')
            call('signalAllProcesses HUP', sv.signalAllProcesses, 'HUP')
            call('signalAllProcesses BOGUS', sv.signalAllProcesses, 'BOGUS')
            # process logs
            call('readProcessStdoutLog runner 0,0', sv.readProcessStdoutLog, 'runner', 0, 0)
            call('readProcessLog runner -5,0', sv.readProcessLog, 'runner', -5, 0)
            call('readProcessStdoutLog runner 2,4', sv.readProcessStdoutLog, 'runner', 2, 4)
            call('readProcessStdoutLog runner -5,3', sv.readProcessStdoutLog, 'runner', -5, 3)
            call('readProcessStdoutLog runner 0,-1', sv.readProcessStdoutLog, 'runner', 0, -1)
            call('readProcessStdoutLog nosuch', sv.readProcessStdoutLog, 'nosuch', 0, 0)
            call('readProcessStdoutLog manual', sv.readProcessStdoutLog, 'manual', 0, 0)
            call('readProcessStderrLog runner', sv.readProcessStderrLog, 'runner', 0, 0)
            call('readProcessStderrLog quick', sv.readProcessStderrLog, 'quick', 0, 0)
            call('tailProcessStdoutLog runner 0,5', sv.tailProcessStdoutLog, 'runner', 0, 5)
            call('tailProcessLog runner 0,1000', sv.tailProcessLog, 'runner', 0, 1000)
            call('tailProcessStdoutLog runner 1000,10', sv.tailProcessStdoutLog, 'runner', 1000, 10)
            call('tailProcessStdoutLog manual', sv.tailProcessStdoutLog, 'manual', 0, 10)
            call('tailProcessStdoutLog nosuch', sv.tailProcessStdoutLog, 'nosuch', 0, 10)
            call('tailProcessStderrLog runner', sv.tailProcessStderrLog, 'runner', 0, 100)
            call('tailProcessStderrLog quick', sv.tailProcessStderrLog, 'quick', 0, 100)
            call('clearProcessLogs quick', sv.clearProcessLogs, 'quick')
            call('clearProcessLog runner', sv.clearProcessLog, 'runner')
            call('clearProcessLogs nosuch', sv.clearProcessLogs, 'nosuch')
            call('clearAllProcessLogs', sv.clearAllProcessLogs)
            call('readProcessStdoutLog runner after clear', sv.readProcessStdoutLog, 'runner', 0, 0)
            # stdin and events
            call('sendProcessStdin runner', sv.sendProcessStdin, 'runner', 'hello\\n')
            call('sendProcessStdin quick', sv.sendProcessStdin, 'quick', 'hello\\n')
            call('sendProcessStdin nosuch', sv.sendProcessStdin, 'nosuch', 'hello\\n')
            call('sendProcessStdin runner int', sv.sendProcessStdin, 'runner', 5)
            call('sendRemoteCommEvent', sv.sendRemoteCommEvent, 'type', 'data')
            # groups and config
            call('reloadConfig', sv.reloadConfig)
            call('addProcessGroup runner', sv.addProcessGroup, 'runner')
            call('addProcessGroup nosuch', sv.addProcessGroup, 'nosuch')
            call('removeProcessGroup runner', sv.removeProcessGroup, 'runner')
            call('removeProcessGroup nosuch', sv.removeProcessGroup, 'nosuch')
            call('removeProcessGroup manual', sv.removeProcessGroup, 'manual')
            call('removeProcessGroup manual again', sv.removeProcessGroup, 'manual')
            call('addProcessGroup manual', sv.addProcessGroup, 'manual')
            # dispatch faults
            call('supervisor.nosuch', sv.nosuch)
            call('nosuch.getState', s.nosuch.getState)
            call('getState', getattr(s, 'getState'))
            call('supervisor._private', getattr(sv, '_private'))
            call('getState extra', sv.getState, 'extra')
            call('getProcessInfo no arg', sv.getProcessInfo)
            # a wrong type where the reference crashes (HTTP 500) is INCORRECT_PARAMETERS here: RpcMethodsTest
            # system.*
            # jsupervisor.* is our own namespace (like a plugin's under the reference's [rpcinterface:x])
            theirs = lambda: [m for m in s.system.listMethods() if not m.startswith('jsupervisor.')]
            call('listMethods', theirs)
            for m in theirs():
                call('methodSignature ' + m, s.system.methodSignature, m)
            call('methodHelp getState', s.system.methodHelp, 'supervisor.getState', shape=lambda t: type(t).__name__)
            call('methodHelp nosuch', s.system.methodHelp, 'supervisor.nosuch')
            call('methodSignature nosuch', s.system.methodSignature, 'nosuch.x')
            call('multicall', s.system.multicall, [
                {'methodName': 'supervisor.getAPIVersion'},
                {'methodName': 'supervisor.getProcessInfo', 'params': ['nosuch']},
                {'methodName': 'supervisor.startProcess', 'params': ['runner']},
                {'methodName': 'supervisor.stopProcess', 'params': ['manual']},
                {'params': []},
                {'methodName': 'system.multicall', 'params': [[]]},
                {'methodName': 'supervisor.nosuch'},
                {'methodName': 'supervisor.getState', 'params': []}])
            """;
}
