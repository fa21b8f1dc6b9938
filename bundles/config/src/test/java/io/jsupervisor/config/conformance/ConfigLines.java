package io.jsupervisor.config.conformance;

import io.jsupervisor.config.ChannelLogSpec;
import io.jsupervisor.config.ConfigMessage;
import io.jsupervisor.config.GroupKind;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.RpcInterfaceSpec;
import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.SupervisordSpec;
import io.jsupervisor.config.UnixHttpServerSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Renders our parse in the line format of {@code reference/dump_config.py}, to compare line by line. */
final class ConfigLines {
    private final List<String> lines = new ArrayList<>();

    static List<String> of(SupervisorConfig c) {
        ConfigLines r = new ConfigLines();
        r.lines.add("OK");
        r.supervisord(c.supervisord());
        for (InetHttpServerSpec s : c.inetHttpServers()) {
            String p = "server." + s.section() + ".";
            r.out(p + "host", s.host());
            r.out(p + "port", s.port());
            r.out(p + "username", s.username());
            r.out(p + "password", s.password());
        }
        for (UnixHttpServerSpec s : c.unixHttpServers()) {
            String p = "server." + s.section() + ".";
            r.out(p + "file", s.file());
            r.out(p + "chmod", s.chmod());
            r.out(p + "chown", List.of(s.chownUid(), s.chownGid()));
            r.out(p + "username", s.username());
            r.out(p + "password", s.password());
        }
        for (RpcInterfaceSpec s : c.rpcInterfaces()) {
            r.out("rpcinterface." + s.name() + ".factory", s.factory());
            r.out("rpcinterface." + s.name() + ".options", s.options());
        }
        for (int i = 0; i < c.groups().size(); i++) {
            r.group(String.format("group.%03d.", i), c.groups().get(i), c.supervisord().environment());
        }
        for (ConfigMessage m : c.messages()) {
            r.out("message", List.of(m.level().name(), m.text()));
        }
        return r.lines;
    }

    private void out(String key, Object value) {
        lines.add(key + "\t" + PyJson.dumps(value));
    }

    private void supervisord(SupervisordSpec s) {
        out("supervisord.logfile", s.logfile());
        out("supervisord.logfile_maxbytes", s.logfileMaxbytes());
        out("supervisord.logfile_backups", s.logfileBackups());
        out("supervisord.loglevel", s.loglevel().value());
        out("supervisord.pidfile", s.pidfile());
        out("supervisord.umask", s.umask());
        out("supervisord.nodaemon", s.nodaemon());
        out("supervisord.silent", s.silent());
        out("supervisord.minfds", s.minfds());
        out("supervisord.minprocs", s.minprocs());
        out("supervisord.nocleanup", s.nocleanup());
        out("supervisord.childlogdir", s.childlogdir());
        out("supervisord.user", s.user());
        out("supervisord.directory", s.directory());
        out("supervisord.strip_ansi", s.stripAnsi());
        out("supervisord.environment", s.environment());
        out("supervisord.identifier", s.identifier());
    }

    private void group(String p, GroupSpec g, Map<String, String> globalEnv) {
        out(p + "name", g.name());
        out(p + "priority", g.priority());
        out(p + "kind", g.kind() == GroupKind.PROGRAM || g.kind() == GroupKind.HETEROGENEOUS ? "PROGRAM_OR_GROUP"
                : g.kind().name());
        if (g.pool() != null) {
            out(p + "events", g.pool().events().stream().sorted().toList());
            out(p + "buffer_size", g.pool().bufferSize());
            out(p + "result_handler", g.pool().resultHandler());
        }
        out(p + "processes", g.processes().stream().map(ProcessSpec::name).toList());
        for (ProcessSpec s : g.processes()) {
            process(p + "process." + s.name() + ".", s, globalEnv);
        }
    }

    private void process(String p, ProcessSpec s, Map<String, String> globalEnv) {
        out(p + "command", s.command());
        out(p + "priority", s.priority());
        out(p + "autostart", s.autostart());
        out(p + "startsecs", s.startsecs());
        out(p + "startretries", s.startretries());
        out(p + "autorestart", s.autorestart().name());
        out(p + "exitcodes", s.exitcodes());
        out(p + "stopsignal", s.stopsignal());
        out(p + "stopwaitsecs", s.stopwaitsecs());
        out(p + "stopasgroup", s.stopasgroup());
        out(p + "killasgroup", s.killasgroup());
        out(p + "uid", s.uid());
        out(p + "redirect_stderr", s.redirectStderr());
        for (Map.Entry<String, ChannelLogSpec> e : Arrays.asList(Map.entry("stdout", s.stdout()),
                Map.entry("stderr", s.stderr()))) {
            String c = p + e.getKey();
            ChannelLogSpec l = e.getValue();
            out(c + "_logfile", l.logfile());
            out(c + "_logfile_maxbytes", l.maxbytes());
            out(c + "_logfile_backups", l.backups());
            out(c + "_capture_maxbytes", l.captureMaxbytes());
            out(c + "_events_enabled", l.eventsEnabled());
            out(c + "_syslog", l.syslog());
        }
        // the reference stores the merged environment on each process
        Map<String, String> env = new LinkedHashMap<>(globalEnv);
        env.putAll(s.environment());
        out(p + "environment", env);
        out(p + "directory", s.directory());
        out(p + "umask", s.umask());
        out(p + "serverurl", "AUTO".equals(s.serverurl()) ? null : s.serverurl());
    }
}
