package io.jsupervisor.itests.ctl;

import io.jsupervisor.itests.Distribution;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every supervisorctl command of the reference's section 4.3, run by the real Python {@code supervisorctl}
 * against the reference {@code supervisord} and against our distribution, on the same config (each in its
 * own directory, on its own port and socket). Both daemons run at once; each test runs its commands on both
 * sides in parallel and compares the normalised transcripts (output text and exit status). The tests share
 * the two daemons and run in order: a later one starts from the state an earlier one left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SideBySideCtlTest {
    private static final Path REFERENCE_DAEMON = Path.of("/usr/bin/supervisord");

    /** The programs: a long runner, a quick exiter, a failing one, a two-process group, a manual one, a listener. */
    private static final String PROGRAMS = """
            [program:runner]
            command = /bin/sh -c "trap '' HUP USR1; echo runner-out-1; echo runner-out-2; echo runner-err-1 >&2; exec /bin/sleep 1000"
            priority = 10
            startsecs = 1
            stdout_logfile = @DIR@/runner.out
            stderr_logfile = @DIR@/runner.err

            [program:quick]
            command = /bin/sh -c "echo quick-%(ENV_QUICK_WORD)s"
            startsecs = 0
            autorestart = false
            stdout_logfile = @DIR@/quick.out
            stderr_logfile = NONE

            [program:failing]
            command = /bin/sh -c "echo failing-err >&2; exit 3"
            startsecs = 10
            startretries = 0
            autorestart = false
            stdout_logfile = @DIR@/failing.out
            stderr_logfile = @DIR@/failing.err

            [program:pair]
            process_name = %(program_name)s_%(process_num)02d
            numprocs = 2
            command = /bin/sh -c "trap '' HUP USR1; echo pair-%(process_num)d; exec /bin/sleep 1000"
            startsecs = 1
            stdout_logfile = @DIR@/pair-%(process_num)d.out
            stderr_logfile = NONE

            [program:manual]
            command = /bin/sleep 1000
            autostart = false
            stdout_logfile = NONE
            stderr_logfile = NONE

            [program:missing]
            command = /nonexistent/program
            autostart = false

            [program:noexec]
            command = @DIR@/listener.py
            autostart = false

            [eventlistener:listener]
            command = /usr/bin/python3 @DIR@/listener.py
            events = PROCESS_STATE
            startsecs = 1
            stderr_logfile = @DIR@/listener.err
            """;

    private static final String LISTENER = """
            import signal, sys
            signal.signal(signal.SIGHUP, signal.SIG_IGN)
            signal.signal(signal.SIGUSR1, signal.SIG_IGN)
            while True:
                sys.stdout.write('READY\\n'); sys.stdout.flush()
                line = sys.stdin.readline()
                if not line:
                    break
                headers = dict(item.split(':') for item in line.split())
                sys.stdin.read(int(headers['len']))
                sys.stdout.write('RESULT 2\\nOK'); sys.stdout.flush()
            """;

    private CtlSide reference;
    private CtlSide ours;
    private ExecutorService pool;

    private static String config(String extraPrograms, String quickWord) {
        return """
                [unix_http_server]
                file = @DIR@/supervisor.sock

                [inet_http_server]
                port = 127.0.0.1:@PORT@

                [supervisord]
                logfile = @DIR@/supervisord.log
                pidfile = @DIR@/supervisord.pid
                childlogdir = @DIR@
                environment = QUICK_WORD="%s"

                [rpcinterface:supervisor]
                supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

                [supervisorctl]
                serverurl = unix://@DIR@/supervisor.sock

                """.formatted(quickWord) + PROGRAMS + extraPrograms;
    }

    @BeforeAll
    void startBoth() throws Exception {
        assumeTrue(Files.isExecutable(REFERENCE_DAEMON) && Files.isExecutable(Path.of(CtlSide.SUPERVISORCTL)),
                "the reference supervisord and supervisorctl are not installed");
        assumeTrue(Files.isExecutable(Distribution.supervisord()), "no distribution at " + Distribution.home());
        pool = Executors.newFixedThreadPool(2);
        reference = side("reference", List.of(REFERENCE_DAEMON.toString()));
        ours = side("ours", List.of(Distribution.supervisord().toString()));
        both(s -> {
            s.writeConfig(config("", "done"));
            try {
                Files.writeString(s.dir.resolve("listener.py"), LISTENER);
                s.start();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            s.awaitUp();
            settled(s);
            return "";
        });
    }

    private static CtlSide side(String label, List<String> daemon) throws IOException {
        Path dir = Files.createTempDirectory("jsv-ctl-" + label.charAt(0));
        return new CtlSide(label, dir, Distribution.freePort(), daemon);
    }

    /** The start-up states: nothing left in STARTING or BACKOFF. */
    private static void settled(CtlSide s) {
        s.awaitState("runner", "RUNNING");
        s.awaitState("quick", "EXITED");
        s.awaitState("failing", "FATAL");
        s.awaitState("pair:pair_00", "RUNNING");
        s.awaitState("pair:pair_01", "RUNNING");
        s.awaitState("listener", "RUNNING");
    }

    @AfterAll
    void stopBoth() {
        for (CtlSide s : new CtlSide[] {reference, ours}) {
            if (s != null) {
                s.close();
            }
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Runs {@code script} on both sides at once; returns {reference's, ours}. */
    private String[] both(Function<CtlSide, String> script) throws Exception {
        Future<String> r = pool.submit(() -> script.apply(reference));
        Future<String> o = pool.submit(() -> script.apply(ours));
        return new String[] {r.get(3, TimeUnit.MINUTES), o.get(3, TimeUnit.MINUTES)};
    }

    private void sameOnBoth(Function<CtlSide, String> script) throws Exception {
        String[] out = both(script);
        // whole transcripts, for reading a difference the assertion message cuts short
        Path keep = Path.of("target", "side-by-side");
        Files.createDirectories(keep);
        String test = StackWalker.getInstance().walk(f -> f.skip(1).findFirst().orElseThrow().getMethodName());
        Files.writeString(keep.resolve(test + ".reference.txt"), out[0]);
        Files.writeString(keep.resolve(test + ".ours.txt"), out[1]);
        assertEquals(out[0], out[1], "reference (expected) and ours (actual) differ");
    }

    private static String all(CtlSide s, String[]... commands) {
        StringBuilder out = new StringBuilder();
        for (String[] command : commands) {
            out.append(s.ctl(command));
        }
        return out.toString();
    }

    private static String[] c(String... args) {
        return args;
    }

    @Test
    @Order(1)
    void status() throws Exception {
        sameOnBoth(s -> all(s, c("status"), c("status", "runner"), c("status", "pair:*"), c("status", "quick"),
                c("status", "nosuch"), c("status", "nosuch:*"), c("status", "pair:nosuch"), c("status", "all"),
                c("status", "runner", "nosuch", "quick")));
    }

    @Test
    @Order(2)
    void start() throws Exception {
        sameOnBoth(s -> {
            String out = all(s, c("start", "runner"), c("start", "nosuch"), c("start", "nosuch:*"), c("start"),
                    c("start", "pair:*"), c("start", "failing"), c("start", "pair"));
            out += s.ctl("start", "quick");
            s.awaitState("quick", "EXITED");
            out += s.ctl("start", "manual", "quick");
            s.awaitState("quick", "EXITED");
            return out + s.ctl("status", "manual", "quick", "failing");
        });
    }

    @Test
    @Order(3)
    void stop() throws Exception {
        sameOnBoth(s -> all(s, c("stop", "pair:pair_00"), c("stop", "pair:pair_00"), c("stop", "nosuch"),
                c("stop"), c("stop", "pair:*"), c("stop", "pair:*"), c("stop", "nosuch:*"), c("stop", "quick"),
                c("stop", "manual"), c("status", "pair:*", "manual")));
    }

    @Test
    @Order(4)
    void restart() throws Exception {
        sameOnBoth(s -> {
            String out = all(s, c("restart", "pair:*"), c("restart", "runner"), c("restart", "nosuch"),
                    c("restart", "nosuch:*"), c("restart"), c("restart", "quick"));
            s.awaitState("quick", "EXITED");
            return out;
        });
    }

    @Test
    @Order(5)
    void restartAll() throws Exception {
        sameOnBoth(s -> {
            // the order of the lines is timing on both sides (each looks every 0.05 s and lists what finished by
            // then: the reference was seen with runner, pair_00, listener, pair_01): compare them sorted
            // and so is the exit status, the last failure's: "failing" exits at once; the reference reports it
            // as soon as it reaps it (before missing and noexec when that reap comes during the spawn loop: 1 for
            // NOT_EXECUTABLE, seen on a loaded machine) or after them (7 for SPAWN_ERROR, the usual case on both)
            String out = linesSorted(s.ctl("restart", "all")).replaceFirst("\\[exit [17]\\]", "[exit 1 or 7]");
            s.awaitState("quick", "EXITED");
            s.awaitState("listener", "RUNNING");
            out += s.ctl("stop", "manual");
            return out + s.ctl("status");
        });
    }

    /** A transcript with the lines between its command line and its exit line sorted. */
    private static String linesSorted(String transcript) {
        java.util.List<String> lines = new java.util.ArrayList<>(transcript.lines().toList());
        if (lines.size() > 3) {
            java.util.Collections.sort(lines.subList(1, lines.size() - 1));
        }
        return String.join("\n", lines) + "\n";
    }

    @Test
    @Order(6)
    void signal() throws Exception {
        sameOnBoth(s -> all(s, c("signal", "HUP", "runner"), c("signal", "BOGUS", "runner"),
                c("signal", "HUP", "quick"), c("signal", "HUP", "nosuch"), c("signal", "USR1", "pair:*"),
                c("signal", "HUP"), c("signal"), c("signal", "1", "runner"), c("signal", "HUP", "nosuch:*"),
                c("signal", "HUP", "all"), c("status", "runner", "pair:*", "listener")));
    }

    @Test
    @Order(7)
    void tail() throws Exception {
        sameOnBoth(s -> all(s, c("tail", "runner"), c("tail", "runner", "stdout"), c("tail", "runner", "stderr"),
                c("tail", "-12", "runner"), c("tail", "-5", "runner", "stderr"), c("tail", "runner", "bogus"),
                c("tail", "-x", "runner"), c("tail", "nosuch"), c("tail"), c("tail", "a", "b", "c"),
                c("tail", "quick"), c("tail", "quick", "stderr"), c("tail", "manual"), c("tail", "pair:pair_01"),
                c("tail", "failing", "stderr")));
    }

    @Test
    @Order(8)
    void tailFollow() throws Exception {
        sameOnBoth(s -> s.follow(List.of("runner-out-2"), false, "tail", "-f", "runner")
                + s.follow(List.of("runner-err-1"), false, "tail", "-f", "runner", "stderr")
                + s.follow(List.of("pair-1"), false, "tail", "-f", "pair:pair_01", "stdout")
                + s.ctl("tail", "-f", "nosuch") + s.ctl("tail", "-f", "manual"));
    }

    @Test
    @Order(9)
    void maintail() throws Exception {
        sameOnBoth(s -> all(s, c("maintail", "-x"), c("maintail", "a", "b"), c("maintail", "-f", "x")));
    }

    @Test
    @Order(10)
    void maintailShowsTheEndOfTheMainLog() throws Exception {
        sameOnBoth(s -> s.maintailMatchesMainLog(300) + s.maintailMatchesMainLog(1600));
    }

    @Test
    @Order(11)
    void pid() throws Exception {
        sameOnBoth(s -> all(s, c("pid"), c("pid", "runner"), c("pid", "quick"), c("pid", "all"), c("pid", "nosuch"),
                c("pid", "runner", "nosuch", "quick"), c("pid", "pair:*")));
    }

    @Test
    @Order(12)
    void clear() throws Exception {
        sameOnBoth(s -> all(s, c("clear", "runner"), c("tail", "runner"), c("clear", "nosuch"), c("clear"),
                c("clear", "pair:*"), c("clear", "quick", "runner"), c("clear", "all"), c("tail", "pair:pair_00"),
                c("tail", "runner", "stderr")));
    }

    @Test
    @Order(13)
    void availAndVersionAndHelp() throws Exception {
        sameOnBoth(s -> all(s, c("avail"), c("avail", "x"), c("version"), c("version", "x"), c("help"),
                c("help", "status"), c("help", "nosuch"), c("frobnicate"), c("frobnicate", "x")));
    }

    @Test
    @Order(14)
    void fg() throws Exception {
        // the logs were cleared: a restart writes the lines fg shows
        sameOnBoth(s -> all(s, c("restart", "runner"), c("fg"), c("fg", "a", "b"), c("fg", "nosuch"), c("fg", "quick"))
                + s.follow(List.of("runner-err-1", "runner-out-1", "runner-out-2", "Press Ctrl-C"), true, "fg", "runner"));
    }

    @Test
    @Order(15)
    void rereadAndUpdate() throws Exception {
        sameOnBoth(s -> {
            String out = all(s, c("reread"), c("update"), c("update", "nosuch"), c("reread", "x"));
            // added: fresh; changed: quick (its command); removed: failing
            s.writeConfig(config("""

                    [program:fresh]
                    command = /bin/sleep 1000
                    startsecs = 0
                    stdout_logfile = NONE
                    stderr_logfile = NONE
                    """, "done").replace("echo quick-", "echo changed-quick-")
                    .replace("[program:failing]", "[program:failing_gone]")
                    .replace("failing_gone]\n", "failing_gone]\nautostart = false\n"));
            out += all(s, c("reread"), c("update", "quick"), c("reread"), c("update"));
            s.awaitState("fresh", "RUNNING");
            s.awaitState("quick", "EXITED");
            out += all(s, c("reread"), c("update"), c("status", "fresh", "quick", "failing"),
                    c("tail", "quick"));
            s.writeConfig(config("", "done"));
            return out;
        });
    }

    @Test
    @Order(16)
    void rereadOfAFileSupervisordRefuses() throws Exception {
        sameOnBoth(s -> {
            // a file supervisorctl still reads but supervisord refuses
            s.writeConfig(config("\n[program:bad]\nautostart = false\n", "done"));
            String out = sameRefusal(all(s, c("reread"), c("update")));
            s.writeConfig(config("", "done"));
            return out;
        });
    }

    /**
     * The refusal's wording differs on purpose: ours names section and option first ("[program:bad] command:
     * program section program:bad does not specify a command (file: ...)"), the form of all our config errors,
     * where the reference says "program section program:bad does not specify a command in section 'program:bad'
     * (file: ...)". Both must give that reason; the lines around it, and exit statuses, are compared as they are.
     */
    private static String sameRefusal(String transcript) {
        return transcript.lines().map(l -> l.contains("program section program:bad does not specify a command")
                        ? l.replaceAll("CANT_REREAD: [^\"]*\\(file: '[^']*'\\)|CANT_REREAD: .*$",
                                "CANT_REREAD: <program:bad does not specify a command>") : l)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }

    @Test
    @Order(17)
    void rereadMarksEveryGroupChangedWhenTheGlobalEnvironmentChanges() throws Exception {
        sameOnBoth(s -> {
            s.writeConfig(config("", "other"));
            String out = s.ctl("reread");
            s.writeConfig(config("", "done"));
            return out;
        });
    }

    @Test
    @Order(18)
    void everyXmlRpcMethodAndFault() throws Exception {
        sameOnBoth(s -> {
            String url = "http://127.0.0.1:" + s.port + "/RPC2";
            String out = RpcWalk.withoutKnownDifferences(s.python(RpcWalk.SCRIPT, url, s.dir.toString()));
            s.writeConfig(config("\n[program:bad]\nautostart = false\n", "done"));
            out += s.python("""
                    import sys, xmlrpc.client
                    try:
                        xmlrpc.client.ServerProxy(sys.argv[1]).supervisor.reloadConfig()
                    except xmlrpc.client.Fault as e:
                        print(e.faultCode, e.faultString.split(':')[0])  # the text: rereadOfAFileSupervisordRefuses
                    """, url, s.dir.toString());
            s.writeConfig(config("", "done"));
            return out;
        });
    }

    @Test
    @Order(19)
    void addAndRemove() throws Exception {
        sameOnBoth(s -> {
            s.writeConfig(config("""

                    [program:later]
                    command = /bin/sleep 1000
                    autostart = false
                    """, "done"));
            return all(s, c("reread"), c("add", "later"), c("add", "later"), c("add", "nosuch"), c("add"),
                    c("remove", "runner"), c("remove", "later"), c("remove", "later"), c("remove", "nosuch"),
                    c("remove"), c("add", "later", "nosuch"), c("avail"), c("status"));
        });
    }

    @Test
    @Order(20)
    void reload() throws Exception {
        sameOnBoth(s -> {
            String out = all(s, c("reload", "x"), c("reload"));
            s.awaitUp();
            s.awaitState("runner", "RUNNING");
            s.awaitState("quick", "EXITED");
            s.awaitState("pair:pair_01", "RUNNING");
            s.awaitState("listener", "RUNNING");
            return out + s.ctl("status");
        });
    }

    @Test
    @Order(21)
    void shutdown() throws Exception {
        sameOnBoth(s -> {
            String out = all(s, c("shutdown", "x"), c("shutdown"));
            try {
                assertTrue(s.awaitExit(Duration.ofSeconds(60)), s.label + " did not exit after shutdown");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return out + all(s, c("shutdown"), c("status"), c("start", "runner"), c("pid"), c("version"),
                    c("avail"));
        });
    }
}
