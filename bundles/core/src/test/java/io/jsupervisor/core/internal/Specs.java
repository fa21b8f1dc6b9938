package io.jsupervisor.core.internal;

import io.jsupervisor.config.AutoRestart;
import io.jsupervisor.config.ChannelLogSpec;
import io.jsupervisor.config.GroupKind;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.SupervisordSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds config records with the reference's defaults (the parser is another module's job). */
final class Specs {
    private Specs() {
    }

    static final class Proc {
        String name;
        String group;
        String command;
        int priority = 999;
        boolean autostart = true;
        int startsecs = 1;
        int startretries = 3;
        AutoRestart autorestart = AutoRestart.UNEXPECTED;
        List<Integer> exitcodes = List.of(0);
        int stopsignal = 15;
        int stopwaitsecs = 10;
        boolean stopasgroup;
        boolean killasgroup;
        Integer uid;
        boolean redirectStderr;
        ChannelLogSpec stdout = none();
        ChannelLogSpec stderr = none();
        Map<String, String> environment = new LinkedHashMap<>();
        String directory;
        Integer umask;
        String serverurl = "AUTO";

        Proc(String name, String command) {
            this.name = name;
            this.group = name;
            this.command = command;
        }

        Proc group(String g) { group = g; return this; }
        Proc priority(int p) { priority = p; return this; }
        Proc autostart(boolean a) { autostart = a; return this; }
        Proc startsecs(int s) { startsecs = s; return this; }
        Proc startretries(int s) { startretries = s; return this; }
        Proc autorestart(AutoRestart a) { autorestart = a; return this; }
        Proc exitcodes(Integer... c) { exitcodes = List.of(c); return this; }
        Proc stopsignal(int s) { stopsignal = s; return this; }
        Proc stopwaitsecs(int s) { stopwaitsecs = s; return this; }
        Proc stopasgroup(boolean b) { stopasgroup = b; killasgroup = b; return this; }
        Proc redirectStderr(boolean b) { redirectStderr = b; return this; }
        Proc stdout(ChannelLogSpec c) { stdout = c; return this; }
        Proc stderr(ChannelLogSpec c) { stderr = c; return this; }
        Proc env(String k, String v) { environment.put(k, v); return this; }
        Proc directory(String d) { directory = d; return this; }
        Proc umask(int u) { umask = u; return this; }
        Proc uid(int u) { uid = u; return this; }
        Proc serverurl(String u) { serverurl = u; return this; }

        ProcessSpec build() {
            return new ProcessSpec(name, name, group, 0, command, priority, autostart, startsecs, startretries,
                    autorestart, exitcodes, stopsignal, stopwaitsecs, stopasgroup, killasgroup, null, uid,
                    redirectStderr, stdout, stderr, environment, directory, umask, serverurl, Map.of());
        }
    }

    static Proc proc(String name, String command) {
        return new Proc(name, command);
    }

    /** {@code sh -c script} as a command line. */
    static String sh(String script) {
        return "/bin/sh -c '" + script.replace("'", "'\\''") + "'";
    }

    static ChannelLogSpec none() {
        return new ChannelLogSpec(null, 50L << 20, 10, 0, false, false);
    }

    static ChannelLogSpec auto() {
        return new ChannelLogSpec(ChannelLogSpec.AUTO, 50L << 20, 10, 0, false, false);
    }

    static GroupSpec group(String name, int priority, Proc... procs) {
        List<ProcessSpec> l = new ArrayList<>();
        for (Proc p : procs) {
            l.add(p.group(name).build());
        }
        return new GroupSpec(name, priority, GroupKind.HETEROGENEOUS, l, null);
    }

    /** A homogeneous group per program, named after it. */
    static GroupSpec program(Proc p) {
        return new GroupSpec(p.name, p.priority, GroupKind.PROGRAM, List.of(p.build()), null);
    }

    static SupervisordSpec supervisord(Path dir, LogLevel level, Map<String, String> env) {
        return new SupervisordSpec(dir.resolve("supervisord.log").toString(), 50L << 20, 10, level,
                dir.resolve("supervisord.pid").toString(), 022, false, false, 1024, 200, false, dir.toString(),
                null, null, false, env, "supervisor");
    }

    static SupervisorConfig config(Path dir, GroupSpec... groups) {
        return config(supervisord(dir, LogLevel.INFO, Map.of()), List.of(), dir, groups);
    }

    static SupervisorConfig config(SupervisordSpec s, List<InetHttpServerSpec> inet, Path dir, GroupSpec... groups) {
        return new SupervisorConfig(dir.resolve("supervisord.conf"), s, inet, List.of(), null, List.of(groups),
                List.of(), List.of());
    }
}
