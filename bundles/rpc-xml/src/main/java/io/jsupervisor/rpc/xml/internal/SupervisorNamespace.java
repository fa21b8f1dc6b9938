package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.ConfigInfo;
import io.jsupervisor.api.Fault;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogTail;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.ReloadResult;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.api.SupervisorState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/** The reference's {@code supervisor.*} methods (37 with aliases), on the {@link ProcessManager} API. */
final class SupervisorNamespace {
    private static final String NAME = "string name  the process name (or 'group:name')";
    private static final String GROUP = "string name  the group name";
    private static final String WAIT = "boolean wait  wait until the change is complete (default true)";
    private static final String SIGNAL = "string signal  a signal name ('HUP') or number ('1')";
    private static final String OFFSET = "int offset  where to start reading";
    private static final String LENGTH = "int length  how many bytes to read";
    private static final String TRUE = "boolean result  always true unless error";
    private static final String RESULTS = "array result  an array of process result structs";

    private final ProcessManager pm;

    SupervisorNamespace(ProcessManager pm) {
        this.pm = pm;
    }

    List<RpcMethod> methods() {
        MethodBuilder b = new MethodBuilder("supervisor");
        addDaemonMethods(b);
        addProcessControl(b);
        addProcessQueries(b);
        addLogMethods(b);
        b.add("sendProcessStdin", "Send text to the stdin of a process.", TRUE,
                List.of(NAME, "string chars  the text to send"), a -> {
                    a.expect(2);
                    if (!(a.get(1) instanceof String) && !(a.get(1) instanceof byte[])) {
                        // the reference names the value: "INCORRECT_PARAMETERS: 5"
                        throw new SupervisorException(Fault.INCORRECT_PARAMETERS, pythonStr(a.get(1)));
                    }
                    pm.sendProcessStdin(a.string(0), a.string(1).getBytes(StandardCharsets.UTF_8));
                    return true;
                });
        b.add("sendRemoteCommEvent", "Send a REMOTE_COMMUNICATION event to the event listeners.", TRUE,
                List.of("string type  the event's type header", "string data  the event's body"), a -> {
                    a.expect(2);
                    pm.sendRemoteCommEvent(a.string(0), a.string(1));
                    return true;
                });
        return b.build();
    }

    private void addDaemonMethods(MethodBuilder b) {
        b.add("getAPIVersion", "Return the version of the RPC API.", "string version  the API version", List.of(),
                a -> running(a.expect(0), ProcessManager.API_VERSION)).alias("getVersion");
        b.add("getSupervisorVersion", "Return the Supervisor version this daemon behaves as.",
                "string version  the version", List.of(),
                a -> running(a.expect(0), ProcessManager.SUPERVISOR_VERSION));
        b.add("getIdentification", "Return the daemon's identifier.", "string identifier  the identifier",
                List.of(), a -> running(a.expect(0), pm.identification()));
        b.add("getState", "Return the daemon's state.", "struct state  statecode (int) and statename (string)",
                List.of(), a -> running(a.expect(0), state(pm.state())));
        b.add("getPID", "Return the daemon's process id.", "int pid  the pid", List.of(),
                a -> running(a.expect(0), Wire.cappedInt(pm.pid())));
        b.add("readLog", "Read length bytes of the main log from offset; a negative offset reads the end.",
                "string result  the text read", List.of(OFFSET, LENGTH), a -> {
                    a.expect(2);
                    return XmlText.decodeUtf8(pm.readMainLog(a.integer(0), a.integer(1)));
                }).alias("readMainLog");
        b.add("clearLog", "Clear the main log.", TRUE, List.of(), a -> {
            a.expect(0);
            pm.clearMainLog();
            return true;
        });
        b.add("shutdown", "Shut the daemon down.", TRUE, List.of(), a -> {
            a.expect(0);
            pm.shutdown();
            return true;
        });
        b.add("restart", "Restart the daemon.", TRUE, List.of(), a -> {
            a.expect(0);
            pm.restart();
            return true;
        });
        b.add("reloadConfig", "Re-read the configuration file without applying it.",
                "array result  [[added, changed, removed]]", List.of(), a -> {
                    a.expect(0);
                    ReloadResult r = pm.reloadConfig();
                    return List.of(List.of(r.added(), r.changed(), r.removed()));
                });
        b.add("addProcessGroup", "Activate a group from the last read configuration.", TRUE,
                List.of("string name  the group to add"), a -> {
                    a.expect(1);
                    pm.addProcessGroup(a.string(0));
                    return true;
                });
        b.add("removeProcessGroup", "Remove a stopped group from the active configuration.", TRUE,
                List.of("string name  the group to remove"), a -> {
                    a.expect(1);
                    pm.removeProcessGroup(a.string(0));
                    return true;
                });
    }

    private void addProcessControl(MethodBuilder b) {
        b.add("startProcess", "Start a process; 'group:*' starts the group and answers its results.",
                TRUE, List.of(NAME, WAIT), a -> {
                    a.expect(1, 2);
                    String name = a.string(0);
                    boolean wait = a.flag(1, true);
                    String group = wholeGroup(name);
                    return group != null ? results(pm.startProcessGroup(group, wait)) : pm.startProcess(name, wait);
                });
        b.add("startProcessGroup", "Start every process of a group.", RESULTS, List.of(GROUP, WAIT), a -> {
            a.expect(1, 2);
            return results(pm.startProcessGroup(a.string(0), a.flag(1, true)));
        });
        b.add("startAllProcesses", "Start every process.", RESULTS, List.of(WAIT), a -> {
            a.expect(0, 1);
            return results(pm.startAllProcesses(a.flag(0, true)));
        });
        b.add("stopProcess", "Stop a process; 'group:*' stops the group and answers its results.",
                TRUE, List.of(NAME, WAIT), a -> {
                    a.expect(1, 2);
                    String name = a.string(0);
                    boolean wait = a.flag(1, true);
                    String group = wholeGroup(name);
                    return group != null ? results(pm.stopProcessGroup(group, wait)) : pm.stopProcess(name, wait);
                });
        b.add("stopProcessGroup", "Stop every process of a group.", RESULTS, List.of(GROUP, WAIT), a -> {
            a.expect(1, 2);
            return results(pm.stopProcessGroup(a.string(0), a.flag(1, true)));
        });
        b.add("stopAllProcesses", "Stop every process.", RESULTS, List.of(WAIT), a -> {
            a.expect(0, 1);
            return results(pm.stopAllProcesses(a.flag(0, true)));
        });
        b.add("signalProcess", "Send a signal to a process; 'group:*' signals the group and answers its results.",
                "boolean result  always true unless error", List.of(NAME, SIGNAL), a -> {
                    a.expect(2);
                    String name = a.string(0);
                    String signal = a.signal(1);
                    String group = wholeGroup(name);
                    return group != null ? results(pm.signalProcessGroup(group, signal)) : pm.signalProcess(name, signal);
                });
        b.add("signalProcessGroup", "Send a signal to every process of a group.", RESULTS,
                List.of(GROUP, SIGNAL), a -> {
                    a.expect(2);
                    return results(pm.signalProcessGroup(a.string(0), a.signal(1)));
                });
        b.add("signalAllProcesses", "Send a signal to every process.", RESULTS, List.of(SIGNAL), a -> {
            a.expect(1);
            return results(pm.signalAllProcesses(a.signal(0)));
        });
    }

    private void addProcessQueries(MethodBuilder b) {
        b.add("getAllConfigInfo", "Return the configuration of every process of the last read configuration.",
                "array result  an array of process config structs", List.of(), a -> {
                    a.expect(0);
                    return pm.allConfigInfo().stream().map(SupervisorNamespace::configInfo).toList();
                });
        b.add("getProcessInfo", "Return information about a process.",
                "struct result  the process's information", List.of(NAME), a -> {
                    a.expect(1);
                    return processInfo(pm.processInfo(a.string(0)));
                });
        b.add("getAllProcessInfo", "Return information about every process.",
                "array result  an array of process information structs", List.of(), a -> {
                    a.expect(0);
                    return pm.allProcessInfo().stream().map(SupervisorNamespace::processInfo).toList();
                });
    }

    private void addLogMethods(MethodBuilder b) {
        for (LogChannel channel : LogChannel.values()) {
            String label = channel == LogChannel.STDOUT ? "Stdout" : "Stderr";
            b.add("readProcess" + label + "Log", "Read length bytes of a process's " + channel.label()
                            + " log from offset; a negative offset reads the end.",
                    "string result  the text read", List.of(NAME, OFFSET, LENGTH), a -> {
                        a.expect(3);
                        return XmlText.decodeUtf8(pm.readProcessLog(a.string(0), channel, a.integer(1), a.integer(2)));
                    });
            if (channel == LogChannel.STDOUT) {
                b.alias("readProcessLog");
            }
        }
        for (LogChannel channel : LogChannel.values()) {
            String label = channel == LogChannel.STDOUT ? "Stdout" : "Stderr";
            b.add("tailProcess" + label + "Log", "Read the end of a process's " + channel.label()
                            + " log: at most length bytes after offset, or the last length bytes.",
                    "array result  [string bytes, int offset, bool overflow]", List.of(NAME, OFFSET, LENGTH), a -> {
                        a.expect(3);
                        LogTail t = pm.tailProcessLog(a.string(0), channel, a.integer(1), a.integer(2));
                        return List.of(XmlText.decodeUtf8(t.data()), Wire.cappedInt(t.offset()), t.overflow());
                    });
            if (channel == LogChannel.STDOUT) {
                b.alias("tailProcessLog");
            }
        }
        b.add("clearProcessLogs", "Clear the stdout and stderr logs of a process.", TRUE, List.of(NAME), a -> {
            a.expect(1);
            pm.clearProcessLogs(a.string(0));
            return true;
        }).alias("clearProcessLog");
        b.add("clearAllProcessLogs", "Clear the logs of every process.", RESULTS, List.of(), a -> {
            a.expect(0);
            return results(pm.clearAllProcessLogs());
        });
    }

    /**
     * The queries that reach no checking core operation check the daemon's mood here, after the
     * argument count (as in the reference, where a wrong count fails before {@code _update}).
     */
    private <T> T running(Args checkedArgs, T value) {
        SupervisorState s = pm.state();
        if (s == SupervisorState.RESTARTING || s == SupervisorState.SHUTDOWN) {
            throw new SupervisorException(Fault.SHUTDOWN_STATE);
        }
        return value;
    }

    /** The group of {@code g:*} or {@code g:}, else {@code null}. */
    static String wholeGroup(String name) {
        int colon = name.indexOf(':');
        if (colon < 0) {
            return null;
        }
        String process = name.substring(colon + 1);
        return process.isEmpty() || process.equals("*") ? name.substring(0, colon) : null;
    }

    private static Map<String, Object> state(SupervisorState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statecode", s.code());
        m.put("statename", s.name());
        return m;
    }

    private static CompletionStage<List<Map<String, Object>>> results(CompletionStage<List<ProcessResult>> f) {
        return f.thenApply(list -> {
            List<Map<String, Object>> out = new ArrayList<>(list.size());
            for (ProcessResult r : list) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", r.name());
                m.put("group", r.group());
                m.put("status", r.status());
                m.put("description", r.description());
                out.add(m);
            }
            return out;
        });
    }

    static Map<String, Object> processInfo(ProcessInfo p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("group", p.group());
        m.put("start", Wire.cappedInt(p.start()));
        m.put("stop", Wire.cappedInt(p.stop()));
        m.put("now", Wire.cappedInt(p.now()));
        m.put("state", p.state().code());
        m.put("statename", p.state().name());
        m.put("spawnerr", p.spawnerr());
        m.put("exitstatus", p.exitstatus());
        m.put("logfile", p.stdoutLogfile());
        m.put("stdout_logfile", p.stdoutLogfile());
        m.put("stderr_logfile", p.stderrLogfile());
        m.put("pid", p.pid());
        m.put("description", p.description());
        return m;
    }

    /** In the reference's key order; {@code None} is sent as {@code 'none'}. */
    static Map<String, Object> configInfo(ConfigInfo c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("autostart", c.autostart());
        m.put("directory", c.directory());
        m.put("uid", c.uid() == null ? "none" : c.uid());
        m.put("command", c.command());
        m.put("exitcodes", c.exitcodes());
        m.put("group", c.group());
        m.put("group_prio", c.groupPrio());
        m.put("inuse", c.inuse());
        m.put("killasgroup", c.killasgroup());
        m.put("name", c.name());
        m.put("process_prio", c.processPrio());
        m.put("redirect_stderr", c.redirectStderr());
        m.put("startretries", c.startretries());
        m.put("startsecs", c.startsecs());
        m.put("stdout_capture_maxbytes", Wire.cappedInt(c.stdoutCaptureMaxbytes()));
        m.put("stdout_events_enabled", c.stdoutEventsEnabled());
        m.put("stdout_logfile", c.stdoutLogfile());
        m.put("stdout_logfile_backups", c.stdoutLogfileBackups());
        m.put("stdout_logfile_maxbytes", Wire.cappedInt(c.stdoutLogfileMaxbytes()));
        m.put("stdout_syslog", c.stdoutSyslog());
        m.put("stopsignal", c.stopsignal());
        m.put("stopwaitsecs", c.stopwaitsecs());
        m.put("stderr_capture_maxbytes", Wire.cappedInt(c.stderrCaptureMaxbytes()));
        m.put("stderr_events_enabled", c.stderrEventsEnabled());
        m.put("stderr_logfile", c.stderrLogfile());
        m.put("stderr_logfile_backups", c.stderrLogfileBackups());
        m.put("stderr_logfile_maxbytes", Wire.cappedInt(c.stderrLogfileMaxbytes()));
        m.put("stderr_syslog", c.stderrSyslog());
        m.put("serverurl", c.serverurl());
        return m;
    }

    /** Python's {@code str()} of a simple XML-RPC value, for fault details the reference builds that way. */
    static String pythonStr(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(value);
    }
}
