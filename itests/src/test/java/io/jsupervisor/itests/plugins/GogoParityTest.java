package io.jsupervisor.itests.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisorctl commands typed into the Gogo shell of a running daemon (its console, a real terminal) print
 * what the real Python supervisorctl prints against the same daemon, command by command, error cases included.
 * (Gogo shows no exit status; bin/supervisorctl against Python, with exit statuses, is
 * {@code ctl2.SupervisorctlParityTest}.)
 */
class GogoParityTest {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void gogoCommandsPrintWhatThePythonSupervisorctlPrints() throws Exception {
        int port = Distribution.freePort();
        Path config = Distribution.writeConfig(dir, port, "", """
                [supervisorctl]
                serverurl = http://127.0.0.1:%d

                [program:runner]
                command = /bin/sh -c 'echo runner-out; exec sleep 987681'
                stdout_logfile = %s/runner.out
                startsecs = 0

                [program:manual]
                command = /bin/sleep 987682
                autostart = false

                [group:pair]
                programs = left,right

                [program:left]
                command = /bin/sleep 987683
                startsecs = 0

                [program:right]
                command = /bin/sleep 987684
                startsecs = 0
                """.formatted(port, dir));
        try (GogoTerminal terminal = new GogoTerminal(Distribution.supervisord(), config)) {
            terminal.awaitPrompt(WAIT);
            XmlRpc rpc = new XmlRpc(port);
            Poll.until(WAIT, "three RUNNING", () -> rpc.tryCall("supervisor.getAllProcessInfo")
                    .filter(a -> a.split("<string>RUNNING</string>", -1).length - 1 == 3));
            Poll.until(WAIT, "runner's output in its log", () -> rpc.tryCall("supervisor.readProcessStdoutLog",
                    XmlRpc.stringParam("runner"), "<param><value><int>0</int></value></param>",
                    "<param><value><int>0</int></value></param>").filter(a -> a.contains("runner-out")));
            // read-only commands and errors as they are; a state change is prepared the same way before each side
            List<String[]> commands = List.of(
                    new String[] {"status"}, new String[] {"status runner"}, new String[] {"status nosuch"},
                    new String[] {"status pair:*"}, new String[] {"pid runner"}, new String[] {"pid nosuch"},
                    new String[] {"avail"}, new String[] {"tail runner"}, new String[] {"tail -5 runner"},
                    new String[] {"tail nosuch"}, new String[] {"start runner"}, new String[] {"start nosuch"},
                    new String[] {"stop manual"}, new String[] {"signal BOGUS runner"},
                    new String[] {"signal HUP manual"}, new String[] {"clear nosuch"}, new String[] {"version"},
                    new String[] {"start manual", "supervisor.stopProcess"},
                    new String[] {"stop manual", "supervisor.startProcess"},
                    new String[] {"restart manual", "supervisor.startProcess"});
            List<String> differences = new ArrayList<>();
            for (String[] command : commands) {
                prepare(rpc, command);
                String python = normalise(python(config, command[0]));
                prepare(rpc, command);
                String gogo = normalise(gogoOutput(terminal, "supervisor:" + command[0].replace("pair:*", "'pair:*'")));
                if (!python.equals(gogo)) {
                    differences.add("$ " + command[0] + "\n--- python\n" + python + "\n--- gogo\n" + gogo);
                }
            }
            assertEquals(List.of(), differences);
            assertTrue(commands.size() > 15);
        }
    }

    /** Puts {@code manual} in the state the command expects (an RPC call; a fault means it already is). */
    private static void prepare(XmlRpc rpc, String[] command) throws Exception {
        if (command.length > 1) {
            rpc.call(command[1], XmlRpc.stringParam("manual"));
        }
    }

    /**
     * The command's output on the terminal, without the echoed command line, the prompt, and the main log's lines
     * (with {@code -n} the daemon copies its log to the same console, at any moment).
     */
    private static String gogoOutput(GogoTerminal terminal, String line) throws Exception {
        List<String> lines = terminal.run(line, WAIT).replace("\r", "").lines()
                .filter(l -> !l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} [A-Z]{4} .*"))
                .toList();
        // a log line of the previous step may reach the console before the echo: find the echo by its text
        int echo = 0;
        while (echo < lines.size() && !lines.get(echo).contains(line)) {
            echo++;
        }
        return echo >= lines.size() ? "" : String.join("\n", lines.subList(echo + 1, lines.size()));
    }

    private static String python(Path config, String command) throws Exception {
        List<String> argv = new ArrayList<>(List.of("/usr/bin/supervisorctl", "-c", config.toString()));
        argv.addAll(List.of(command.split(" ")));
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return out;
    }

    /** Uptimes tick between the two runs; trailing blank lines are the shells' own. */
    private static String normalise(String text) {
        return text.lines().map(l -> l.replaceAll("uptime \\d+:\\d\\d:\\d\\d", "uptime <U>").stripTrailing())
                .collect(Collectors.joining("\n")).strip();
    }
}
