package io.jsupervisor.itests.extras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jsupervisor.rotate*}: log rotation on demand, an extra the reference lacks, over XML-RPC. */
class RotateOnDemandTest {
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void rotateCallsShiftTheFilesNowAndFaultAsTheReferenceWould() throws Exception {
        int port = Distribution.freePort();
        Path config = Distribution.writeConfig(dir, port, "", """
                [program:writer]
                command = /bin/sh -c 'i=0; while true; do i=$((i+1)); echo "line $i"; sleep 0.01; done'
                stdout_logfile = %s/writer.log
                stdout_logfile_backups = 2
                startsecs = 0
                """.formatted(dir));
        Process daemon = new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile()).start();
        try {
            XmlRpc rpc = new XmlRpc(port);
            Poll.until(WAIT, "writer RUNNING", () -> rpc.tryCall("supervisor.getProcessInfo",
                    XmlRpc.stringParam("writer")).filter(a -> a.contains("<string>RUNNING</string>")));
            Path log = dir.resolve("writer.log");
            Poll.until(WAIT, "some output", () -> read(log).contains("line 5\n"));

            assertEquals("['jsupervisor.rotateAllProcessLogs', 'jsupervisor.rotateLog', 'jsupervisor.rotateProcessLogs'] "
                    + "True True 10 BAD_NAME: nope", python(port, """
                    m = [x for x in s.system.listMethods() if x.startswith('jsupervisor.rotate')]
                    a = s.jsupervisor.rotateProcessLogs('writer')
                    b = s.jsupervisor.rotateLog()
                    try:
                        s.jsupervisor.rotateProcessLogs('nope')
                    except xmlrpc.client.Fault as f:
                        print(sorted(m), a, b, f.faultCode, f.faultString)"""));
            Poll.until(WAIT, "a line in the new file", () -> read(log).contains("\n"));
            assertEquals("True", python(port, "print(s.jsupervisor.rotateAllProcessLogs())"));
            // two rotations: .2 holds the oldest lines, .1 the next, the live file goes on
            assertTrue(Files.readString(dir.resolve("writer.log.2")).startsWith("line 1\n"));
            String middle = Files.readString(dir.resolve("writer.log.1"));
            Poll.until(WAIT, "writing on in a new file", () -> read(log).contains("\n"));
            long lastOfMiddle = Long.parseLong(middle.substring(middle.lastIndexOf("line ", middle.length() - 2) + 5)
                    .strip());
            assertTrue(Files.readString(log).startsWith("line " + (lastOfMiddle + 1) + "\n"), "no line lost or repeated");
            assertTrue(Files.exists(dir.resolve("supervisord.log.1")), "the main log rotated");
        } finally {
            daemon.destroy();
            daemon.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private static String python(int port, String code) throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import xmlrpc.client\n"
                + "s = xmlrpc.client.ServerProxy('http://127.0.0.1:" + port + "/RPC2')\n" + code)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        return out;
    }
}
