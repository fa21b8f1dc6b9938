package io.jsupervisor.itests.extras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One supervisord.conf that uses every option JSupervisor adds, run by the reference supervisord and by ours in
 * turn: the reference ignores the options it does not know, so it runs the same programs with the same settings
 * (getAllConfigInfo answers the same, byte for byte), and ours applies them.
 */
class EveryExtensionInBothDaemonsTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path REFERENCE = Path.of("/usr/bin/supervisord");
    private static final List<String> PROCESSES = List.of("db", "web", "workers:worker_0", "workers:worker_1");

    /** Ports come from the environment so that both daemons read the very same file. */
    private static final String CONFIG = """
            [inet_http_server]
            port = 127.0.0.1:%(ENV_JS_PORT)s

            [supervisord]
            logfile = %(here)s/supervisord.log
            pidfile = %(here)s/supervisord.pid
            childlogdir = %(here)s
            environment_file = %(here)s/global.env

            [supervisorctl]
            serverurl = http://127.0.0.1:%(ENV_JS_PORT)s
            update_changed_only = true

            [rpcinterface:supervisor]
            supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

            [program:db]
            command = /bin/sleep 987321
            startsecs = 1
            stdout_logfile = %(here)s/db.out
            stderr_logfile = %(here)s/db.err
            environment = DB_OPTION="from the option"
            environment_file = %(here)s/db.env
            backoff = exponential
            backoff_max = 30
            retry_forever = true
            restart_pause = 1
            remember_stopped = true
            stdout_log_timestamps = true
            stderr_log_timestamps = true
            stdout_mirror = false
            stderr_mirror = false
            memory_limit = 512MB
            cpu_limit = 90
            cpu_limit_window = 10
            rlimit_nofile = 4096
            rlimit_nproc = 8192
            rlimit_core = 0
            rlimit_as = 4GB:unlimited
            healthcheck = exec:/bin/true
            healthcheck_interval = 0.5
            healthcheck_timeout = 2
            healthcheck_retries = 2
            healthcheck_start_period = 1
            healthcheck_action = restart
            healthcheck_ready = true

            [program:web]
            command = /usr/bin/python3 -m http.server %(ENV_JS_WEB_PORT)s --bind 127.0.0.1
            directory = %(here)s
            stdout_logfile = %(here)s/web.out
            stderr_logfile = %(here)s/web.err
            depends_on = db
            healthcheck = http://127.0.0.1:%(ENV_JS_WEB_PORT)s/
            healthcheck_interval = 0.5

            [program:worker]
            command = /bin/sleep 987322
            process_name = %(program_name)s_%(process_num)d
            numprocs = 2
            stdout_logfile = %(here)s/worker-%(process_num)d.out
            stderr_logfile = NONE
            depends_on = web
            healthcheck = tcp://127.0.0.1:%(ENV_JS_WEB_PORT)s
            healthcheck_action = none

            [group:workers]
            programs = worker
            """;

    @TempDir
    Path dir;

    /** What one daemon showed while everything ran. */
    private record Run(String configInfo, Map<String, Long> pids, String mainLog) {
    }

    @Test
    void theReferenceRunsTheSameProgramsAndOursAppliesTheExtensions() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(REFERENCE), "no reference supervisord");
        Path config = dir.resolve("supervisord.conf");
        Files.writeString(config, CONFIG);
        webPort = Distribution.freePort(); // in the commands read: the same for both
        Files.writeString(dir.resolve("global.env"), "# the daemon's file\nGLOBAL_FILE=global\nDB_OPTION=global\n");
        Files.writeString(dir.resolve("db.env"), "export DB_FILE='db file'\n");

        Run reference = run(List.of(REFERENCE.toString(), "-n", "-c", config.toString()), "reference", r -> { });
        Run ours = run(List.of(Distribution.supervisord().toString(), "-n", "-c", config.toString()), "ours",
                this::extensionsApplied);

        assertEquals(values(reference.configInfo()), values(ours.configInfo()), "the reference's options, read the same");
        assertTrue(ours.mainLog().indexOf("success: db entered RUNNING") < ours.mainLog().indexOf("spawned: 'web'"),
                "web waits for db: " + ours.mainLog());
        assertTrue(ours.mainLog().indexOf("success: web entered RUNNING")
                < ours.mainLog().indexOf("spawned: 'worker_0'"), "the workers wait for web: " + ours.mainLog());
    }

    /** Checks made while our daemon runs everything. */
    private void extensionsApplied(Run running) throws Exception {
        long db = running.pids().get("db");
        String environ = Files.readString(Path.of("/proc/" + db + "/environ")).replace('\0', '\n');
        assertTrue(environ.lines().anyMatch("GLOBAL_FILE=global"::equals), environ);
        assertTrue(environ.lines().anyMatch("DB_FILE=db file"::equals), environ);
        assertTrue(environ.lines().anyMatch("DB_OPTION=from the option"::equals), "environment= wins: " + environ);
        String limits = Files.readString(Path.of("/proc/" + db + "/limits"));
        assertTrue(limits.matches("(?s).*Max open files +4096 +4096 .*"), limits);
        assertTrue(limits.matches("(?s).*Max core file size +0 +0 .*"), limits);
        assertTrue(limits.matches("(?s).*Max address space +4294967296 +unlimited .*"), limits);
        XmlRpc rpc = new XmlRpc(port);
        for (String name : PROCESSES) {
            Poll.until(WAIT, name + " healthy", () -> rpc.tryCall("jsupervisor.getHealth", XmlRpc.stringParam(name))
                    .filter(a -> a.contains("<string>HEALTHY</string>")));
        }
    }

    private int port;
    private int webPort;

    private interface Check {
        void accept(Run r) throws Exception;
    }

    private Run run(List<String> argv, String name, Check whileRunning) throws Exception {
        port = Distribution.freePort();
        ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile());
        pb.environment().put("JS_PORT", Integer.toString(port));
        pb.environment().put("JS_WEB_PORT", Integer.toString(webPort));
        Files.deleteIfExists(dir.resolve("supervisord.log"));
        Process daemon = pb.start();
        try {
            XmlRpc rpc = new XmlRpc(port);
            Poll.until(WAIT, "every process RUNNING in " + name, () -> rpc.tryCall("supervisor.getAllProcessInfo")
                    .filter(a -> count(a, "<string>RUNNING</string>") == PROCESSES.size()));
            String all = rpc.call("supervisor.getAllProcessInfo");
            Run r = new Run(rpc.call("supervisor.getAllConfigInfo"), pids(all), read(dir.resolve("supervisord.log")));
            assertEquals(PROCESSES, names(all), name);
            whileRunning.accept(r);
            String out = read(dir.resolve(name + ".out"));
            assertFalse(out.contains("Error") || out.contains("ERROR"), name + ": " + out);
            return r;
        } finally {
            daemon.destroy();
            assertTrue(daemon.waitFor(60, TimeUnit.SECONDS), name + " did not stop on SIGTERM");
        }
    }

    /** The answer's values without the XML layout (the reference indents, we do not: docs/COMPATIBILITY.md). */
    private static String values(String answer) {
        return answer.substring(answer.indexOf("<methodResponse>")).replaceAll(">\\s+<", "><");
    }

    private static int count(String s, String what) {
        return s.split(Pattern.quote(what), -1).length - 1;
    }

    /** group:name of each process struct, in the answer's order. */
    private static List<String> names(String allProcessInfo) {
        List<String> l = new ArrayList<>();
        for (String struct : allProcessInfo.split("<struct>")) {
            var group = XmlRpc.member(struct, "group");
            var name = XmlRpc.member(struct, "name");
            if (group.isPresent() && name.isPresent()) {
                l.add(group.get().equals(name.get()) ? name.get() : group.get() + ":" + name.get());
            }
        }
        return l;
    }

    private static Map<String, Long> pids(String allProcessInfo) {
        Map<String, Long> m = new java.util.HashMap<>();
        for (String struct : allProcessInfo.split("<struct>")) {
            var name = XmlRpc.member(struct, "name");
            var pid = XmlRpc.member(struct, "pid");
            if (name.isPresent() && pid.isPresent()) {
                Matcher d = Pattern.compile("\\d+").matcher(pid.get());
                if (d.find()) {
                    m.put(name.get(), Long.parseLong(d.group()));
                }
            }
        }
        return m;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
