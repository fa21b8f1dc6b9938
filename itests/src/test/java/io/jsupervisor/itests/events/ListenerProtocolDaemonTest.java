package io.jsupervisor.itests.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.itests.Distribution;
import io.jsupervisor.itests.Poll;
import io.jsupervisor.itests.XmlRpc;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real distribution (bin/supervisord) with {@code [eventlistener:x]} pools whose listeners are python3
 * scripts speaking the protocol and recording every envelope: the header and payload of every event type the
 * daemon emits by itself or on request, FAIL re-delivery, a listener killed mid-event, buffer overflow with
 * its main-log line, and capture mode.
 */
class ListenerProtocolDaemonTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Pattern ENVELOPE = Pattern.compile(
            "ver:3\\.0 server:(\\S+) serial:(\\d+) pool:(\\S+) poolserial:(\\d+) eventname:(\\S+) len:(\\d+) payload=(.*)");

    @TempDir
    Path dir;
    private Process daemon;
    private XmlRpc rpc;

    /** One envelope as a listener recorded it; {@code payload} with {@code \n} for newlines. */
    record Envelope(String server, long serial, String pool, long poolSerial, String name, int len, String payload) {
        static Optional<Envelope> parse(String line) {
            Matcher m = ENVELOPE.matcher(line);
            return m.matches() ? Optional.of(new Envelope(m.group(1), Long.parseLong(m.group(2)), m.group(3),
                    Long.parseLong(m.group(4)), m.group(5), Integer.parseInt(m.group(6)), m.group(7)))
                    : Optional.empty();
        }

        /** The payload's bytes as sent (the record escapes newlines and backslashes). */
        int payloadBytes() {
            return payload.replace("\\n", "\n").replace("\\\\", "\\").getBytes(StandardCharsets.UTF_8).length;
        }
    }

    @BeforeEach
    void startDaemon() throws Exception {
        for (String script : List.of("protocol_listener.py", "chatty.py")) {
            try (InputStream in = getClass().getResourceAsStream("/events/" + script)) {
                Files.copy(in, dir.resolve(script));
            }
        }
        String listener = "/usr/bin/python3 -u " + dir.resolve("protocol_listener.py") + " " + dir;
        int port = Distribution.freePort();
        Path conf = Distribution.writeConfig(dir, port, "", """
                [program:chatty]
                command = /usr/bin/python3 -u %1$s/chatty.py
                autostart = false
                startsecs = 0
                stdout_events_enabled = true
                stderr_events_enabled = true
                stdout_capture_maxbytes = 1MB
                stderr_capture_maxbytes = 1MB

                [program:once]
                command = /bin/sh -c "exit 0"
                autostart = false
                startsecs = 0
                autorestart = false

                [program:crash]
                command = /bin/sh -c "exit 3"
                autostart = false
                startsecs = 1
                startretries = 1

                [eventlistener:all]
                command = %2$s/all.events ok
                events = EVENT
                buffer_size = 1024

                [eventlistener:fail]
                command = %2$s/fail.events fail-first
                events = REMOTE_COMMUNICATION

                [eventlistener:die]
                command = %2$s/die_%%(process_num)d.events hang-once %1$s/hung
                process_name = die_%%(process_num)d
                numprocs = 2
                events = REMOTE_COMMUNICATION

                [eventlistener:small]
                command = %2$s/small.events wait-file %1$s/small-go
                buffer_size = 2
                events = REMOTE_COMMUNICATION
                """.formatted(dir, listener));
        daemon = new ProcessBuilder(Distribution.supervisord().toString(), "-n", "-c", conf.toString())
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("daemon.out").toFile())
                .start();
        rpc = new XmlRpc(port);
        for (String name : List.of("all", "fail", "die:die_0", "die:die_1", "small")) {
            Poll.until(WAIT, name + " RUNNING", () -> rpc.tryCall("supervisor.getProcessInfo", XmlRpc.stringParam(name))
                    .filter(a -> XmlRpc.member(a, "statename").orElse("").equals("RUNNING")));
        }
    }

    @AfterEach
    void stopDaemon() throws Exception {
        if (daemon != null && daemon.isAlive()) {
            daemon.destroy();
            if (!daemon.waitFor(30, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    private List<Envelope> received(String file) {
        List<Envelope> envelopes = new ArrayList<>();
        for (String line : PaxFramework.lines(dir.resolve(file))) {
            envelopes.add(Envelope.parse(line).orElseThrow(() -> new AssertionError("not an envelope: " + line)));
        }
        return envelopes;
    }

    /** Waits for the envelope named {@code name} with exactly {@code payload} in {@code file}. */
    private Envelope await(String file, String name, String payload) {
        try {
            return Poll.until(WAIT, name + " " + payload + " in " + file, () -> received(file).stream()
                    .filter(e -> e.name().equals(name) && e.payload().equals(payload)).findFirst());
        } catch (AssertionError timedOut) {
            List<String> log = mainLogUnchecked().lines().filter(l -> !l.contains(" DEBG ")).toList();
            throw new AssertionError(timedOut.getMessage() + "\nreceived: " + PaxFramework.lines(dir.resolve(file))
                    + "\nmain log: " + log.subList(Math.max(0, log.size() - 40), log.size()), timedOut);
        }
    }

    private Envelope awaitAll(String name, String payload) {
        Envelope e = await("all.events", name, payload);
        assertEquals("supervisor", e.server());
        assertEquals("all", e.pool());
        assertEquals(e.payloadBytes(), e.len(), "len: the payload's bytes");
        return e;
    }

    private String call(String method, String... params) throws Exception {
        return rpc.call(method, params);
    }

    private long pid(String name) throws Exception {
        return Long.parseLong(XmlRpc.member(call("supervisor.getProcessInfo", XmlRpc.stringParam(name)), "pid")
                .orElseThrow());
    }

    private String mainLog() throws IOException {
        return Files.readString(dir.resolve("supervisord.log"), StandardCharsets.UTF_8);
    }

    @Test
    void everyEventTypeReachesTheListenerWithTheReferenceHeaderAndPayload() throws Exception {
        long self = pid("all");
        // a listener gets events about itself
        awaitAll("PROCESS_STATE_RUNNING", "processname:all groupname:all from_state:STARTING pid:" + self);

        call("supervisor.startProcess", XmlRpc.stringParam("chatty"));
        long chatty = pid("chatty");
        String base = "processname:chatty groupname:chatty ";
        awaitAll("PROCESS_STATE_STARTING", base + "from_state:STOPPED tries:0");
        awaitAll("PROCESS_STATE_RUNNING", base + "from_state:STARTING pid:" + chatty);
        awaitAll("PROCESS_LOG_STDOUT", base + "pid:" + chatty + " channel:stdout\\nout-line\\n");
        awaitAll("PROCESS_LOG_STDERR", base + "pid:" + chatty + " channel:stderr\\nerr-line\\n");
        awaitAll("PROCESS_COMMUNICATION_STDOUT", base + "pid:" + chatty + "\\ncaptured-out");
        awaitAll("PROCESS_COMMUNICATION_STDERR", base + "pid:" + chatty + "\\ncaptured-err");
        awaitAll("PROCESS_LOG_STDOUT", base + "pid:" + chatty + " channel:stdout\\nafter-capture\\n");
        String stdoutLog = new String(rpc.call("supervisor.readProcessStdoutLog", XmlRpc.stringParam("chatty"),
                "<param><value><int>0</int></value></param>", "<param><value><int>0</int></value></param>")
                .getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        assertTrue(stdoutLog.contains("out-line"), stdoutLog);
        assertFalse(stdoutLog.contains("captured-out"), "captured bytes are not logged: " + stdoutLog);
        call("supervisor.stopProcess", XmlRpc.stringParam("chatty"));
        awaitAll("PROCESS_STATE_STOPPING", base + "from_state:RUNNING pid:" + chatty);
        awaitAll("PROCESS_STATE_STOPPED", base + "from_state:STOPPING pid:" + chatty);

        call("supervisor.startProcess", XmlRpc.stringParam("once"));
        awaitAll("PROCESS_STATE_EXITED", Poll.until(WAIT, "once's pid in its EXITED event", () -> received("all.events")
                .stream().filter(e -> e.name().equals("PROCESS_STATE_EXITED")
                        && e.payload().startsWith("processname:once groupname:once from_state:RUNNING expected:1 pid:"))
                .map(Envelope::payload).findFirst()));
        call("supervisor.removeProcessGroup", XmlRpc.stringParam("once"));
        Envelope removed = awaitAll("PROCESS_GROUP_REMOVED", "groupname:once\\n");
        assertEquals(15, removed.len(), "with its trailing newline");
        call("supervisor.addProcessGroup", XmlRpc.stringParam("once"));
        awaitAll("PROCESS_GROUP_ADDED", "groupname:once\\n");

        rpc.tryCall("supervisor.startProcess", XmlRpc.stringParam("crash")); // answers a SPAWN_ERROR fault
        String crash = "processname:crash groupname:crash ";
        awaitAll("PROCESS_STATE_BACKOFF", crash + "from_state:STARTING tries:1");
        awaitAll("PROCESS_STATE_BACKOFF", crash + "from_state:STARTING tries:2");
        awaitAll("PROCESS_STATE_FATAL", crash + "from_state:BACKOFF");
        awaitAll("PROCESS_STATE_STARTING", crash + "from_state:BACKOFF tries:1");

        call("supervisor.sendRemoteCommEvent", XmlRpc.stringParam("mytype"), XmlRpc.stringParam("some data\nline2"));
        awaitAll("REMOTE_COMMUNICATION", "type:mytype\\nsome data\\nline2");

        Envelope tick = Poll.until(Duration.ofSeconds(12), "a TICK_5", () -> received("all.events").stream()
                .filter(e -> e.name().equals("TICK_5")).findFirst());
        assertTrue(tick.payload().matches("when:\\d+"), tick.payload());
        assertEquals(0, Long.parseLong(tick.payload().substring(5)) % 5, tick.payload());

        List<Envelope> all = received("all.events");
        for (int i = 0; i < all.size(); i++) {
            assertEquals(i, all.get(i).poolSerial(), "poolserial counts this pool's events: " + all.get(i));
            assertEquals(all.get(i).payloadBytes(), all.get(i).len(), all.get(i).toString());
        }
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).serial() > all.get(i - 1).serial(), "serial increases: " + all.get(i));
        }

        // an in-process restart: STOPPING, then the pools made anew; the new listener process appends to the record
        long before = self;
        call("supervisor.restart");
        Poll.until(WAIT, "a new 'all' process", () -> rpc.tryCall("supervisor.getProcessInfo", XmlRpc.stringParam("all"))
                .filter(a -> XmlRpc.member(a, "statename").orElse("").equals("RUNNING")
                        && !XmlRpc.member(a, "pid").orElse("").equals(Long.toString(before))));
        awaitAll("SUPERVISOR_STATE_CHANGE_STOPPING", "");
        awaitAll("SUPERVISOR_STATE_CHANGE_RUNNING", "");
    }

    /**
     * The reference makes a pool before announcing the groups, so its listener's first events are the
     * PROCESS_GROUP_ADDED of every group (its own first, serial 0), SUPERVISOR_STATE_CHANGE_RUNNING and the first
     * state changes (checked against supervisord 4.2.5). In the distribution the events bundle's component needs
     * the ProcessManager, so it subscribes after the core has emitted those: the core keeps them for it, and the
     * pools are made from them.
     */
    @Test
    void poolSeesTheStartUpEventsAsInTheReference() {
        Envelope own = awaitAll("PROCESS_GROUP_ADDED", "groupname:all\\n");
        assertEquals(0, own.serial());
        Envelope chatty = awaitAll("PROCESS_GROUP_ADDED", "groupname:chatty\\n");
        assertEquals(17, chatty.len());
        awaitAll("SUPERVISOR_STATE_CHANGE_RUNNING", "");
        awaitAll("PROCESS_STATE_STARTING", "processname:all groupname:all from_state:STOPPED tries:0");
    }

    @Test
    void rejectedDiedAndOverflowedEventsAsTheReferenceHandlesThem() throws Exception {
        for (String data : List.of("r1", "r2", "r3")) {
            call("supervisor.sendRemoteCommEvent", XmlRpc.stringParam("t"), XmlRpc.stringParam(data));
        }
        Envelope r1 = awaitAll("REMOTE_COMMUNICATION", "type:t\\nr1");

        // FAIL: the event comes again, first, with the same numbers
        Poll.until(WAIT, "fail.events: r1 twice, then r2, r3", () -> received("fail.events").size() >= 4);
        List<Envelope> fail = received("fail.events");
        assertEquals(List.of("type:t\\nr1", "type:t\\nr1", "type:t\\nr2", "type:t\\nr3"),
                fail.stream().map(Envelope::payload).toList());
        assertEquals(fail.get(0), fail.get(1));
        assertEquals(r1.serial(), fail.get(0).serial(), "one serial per event for the whole daemon");
        assertEquals(0, fail.get(0).poolSerial());
        assertTrue(mainLog().contains("WARN fail: event was rejected"), this::mainLogUnchecked);

        // a listener killed (SIGKILL) while it holds an event: the other listener of the pool gets it
        Path hung = dir.resolve("hung");
        Poll.until(WAIT, "a die listener holding an event", () -> Files.exists(hung));
        String victim = Files.readString(hung).trim();
        String other = victim.equals("die_0") ? "die_1" : "die_0";
        call("supervisor.signalProcess", XmlRpc.stringParam("die:" + victim), XmlRpc.stringParam("KILL"));
        Poll.until(WAIT, other + " got r1..r3", () -> received(other + ".events").size() >= 3);
        List<Envelope> held = received(victim + ".events");
        assertEquals(1, held.size(), victim + " was killed on its first event: " + held);
        // usually r1; r2 when die_1 read r2 before die_0 read r1 (then die_0 saw the marker and answered r1)
        assertTrue(List.of("type:t\\nr1", "type:t\\nr2").contains(held.get(0).payload()), held.toString());
        assertTrue(received(other + ".events").contains(held.get(0)), "the same envelope, numbers kept: "
                + received(other + ".events"));
        assertEquals(List.of("type:t\\nr1", "type:t\\nr2", "type:t\\nr3"),
                received(other + ".events").stream().map(Envelope::payload).sorted().toList());

        // overflow: 3 events for a buffer of 2 while the listener is not READY; the oldest goes, with ERRO naming it
        Poll.until(WAIT, "the overflow line", () -> mainLogUnchecked().contains(
                "ERRO pool small event buffer overflowed, discarding event " + r1.serial()));
        Files.createFile(dir.resolve("small-go"));
        Poll.until(WAIT, "small got 2 events", () -> received("small.events").size() >= 2);
        assertEquals(List.of("type:t\\nr2", "type:t\\nr3"),
                received("small.events").stream().map(Envelope::payload).toList());
        assertEquals(List.of(1L, 2L), received("small.events").stream().map(Envelope::poolSerial).toList());
    }

    private String mainLogUnchecked() {
        try {
            return mainLog();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
