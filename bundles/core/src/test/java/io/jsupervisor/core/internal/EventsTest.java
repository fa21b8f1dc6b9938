package io.jsupervisor.core.internal;

import static io.jsupervisor.core.internal.Specs.config;
import static io.jsupervisor.core.internal.Specs.proc;
import static io.jsupervisor.core.internal.Specs.program;
import static io.jsupervisor.core.internal.Specs.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.config.AutoRestart;
import io.jsupervisor.config.ChannelLogSpec;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Event payloads beyond process states: group, supervisor, log, capture, tick. */
class EventsTest {
    @TempDir
    Path dir;

    @Test
    void startUpEmitsGroupAddedThenRunning() {
        try (Harness h = new Harness(config(dir, program(proc("a", "sleep 1").autostart(false))))) {
            h.await("running", Duration.ofSeconds(5),
                    () -> !h.events(EventType.SUPERVISOR_STATE_CHANGE_RUNNING).isEmpty());
            assertEquals("groupname:a\n", h.firstEvent(EventType.PROCESS_GROUP_ADDED).payload());
            assertEquals("", h.firstEvent(EventType.SUPERVISOR_STATE_CHANGE_RUNNING).payload());
            assertEquals(EventType.PROCESS_GROUP_ADDED, h.events.get(0).type());
        }
    }

    @Test
    void processLogEventsWhenEnabled() {
        ChannelLogSpec events = new ChannelLogSpec(null, 0, 0, 0, true, false);
        try (Harness h = new Harness(config(dir, program(proc("talk", sh("echo hello; sleep 0.2")).startsecs(0)
                .autorestart(AutoRestart.FALSE).stdout(events))))) {
            h.await("log event", Duration.ofSeconds(5), () -> !h.events(EventType.PROCESS_LOG_STDOUT).isEmpty());
            SupervisorEvent e = h.firstEvent(EventType.PROCESS_LOG_STDOUT);
            assertEquals("talk", e.headers().get("processname"));
            assertEquals("stdout", e.headers().get("channel"));
            assertTrue(e.payload().endsWith(" channel:stdout\nhello\n"), e.payload());
        }
    }

    @Test
    void captureModeEmitsCommunicationAndKeepsItOutOfTheLog() {
        ChannelLogSpec capture = new ChannelLogSpec(null, 0, 0, 1000, false, false);
        String script = "printf \"before<!--XSUPERVISOR:BEGIN-->sec\"; sleep 0.1; "
                + "printf \"ret<!--XSUPERVISOR:END-->after\\n\"; sleep 0.2";
        try (Harness h = new Harness(config(dir, program(proc("cap", sh(script)).startsecs(0)
                .autorestart(AutoRestart.FALSE).stdout(capture))))) {
            h.await("communication", Duration.ofSeconds(5),
                    () -> !h.events(EventType.PROCESS_COMMUNICATION_STDOUT).isEmpty());
            SupervisorEvent e = h.firstEvent(EventType.PROCESS_COMMUNICATION_STDOUT);
            assertTrue(e.payload().startsWith("processname:cap groupname:cap pid:"));
            assertEquals("secret", e.body());
            h.awaitState("cap", ProcessState.EXITED, 5);
            h.await("output", Duration.ofSeconds(5), () -> h.output("cap", LogChannel.STDOUT).endsWith("after\n"));
            assertEquals("beforeafter\n", h.output("cap", LogChannel.STDOUT));
        }
    }

    /**
     * Checked against the reference with the same script and config (capture_maxbytes=10, strip_ansi,
     * loglevel=debug): events 25 A's whole, then only the 30 b's, then "red"; the log file gets "xy\nz\n"
     * (plus "w\n", which the reference holds back forever: a documented difference); one
     * "emitted a comm event" debug line per event.
     */
    @Test
    void captureMaxbytesDropsAsManyBytesAsEachWriteBringsAndStripAnsiAppliesToCapturedData() {
        ChannelLogSpec capture = new ChannelLogSpec(null, 0, 0, 10, false, false);
        String script = "printf \"x<!--XSUPERVISOR:BEGIN-->AAAAAAAAAAAAAAAAAAAAAAAAA<!--XSUPERVISOR:END-->y\\n\"; "
                + "sleep 0.3; printf \"<!--XSUPERVISOR:BEGIN-->aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"; sleep 0.3; "
                + "printf \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb<!--XSUPERVISOR:END-->z\\n\"; sleep 0.3; "
                + "printf \"<!--XSUPERVISOR:BEGIN-->\\033[31mred\\033[0m<!--XSUPERVISOR:END-->w\\n\"";
        var s = Specs.supervisord(dir, io.jsupervisor.config.LogLevel.DEBUG, java.util.Map.of());
        s = new io.jsupervisor.config.SupervisordSpec(s.logfile(), s.logfileMaxbytes(), s.logfileBackups(),
                s.loglevel(), s.pidfile(), s.umask(), s.nodaemon(), s.silent(), s.minfds(), s.minprocs(),
                s.nocleanup(), s.childlogdir(), s.user(), s.directory(), true, s.environment(), s.identifier());
        try (Harness h = new Harness(Specs.config(s, java.util.List.of(), dir, program(proc("cap", sh(script))
                .startsecs(0).autorestart(AutoRestart.FALSE).stdout(capture))))) {
            h.await("three communications", Duration.ofSeconds(10),
                    () -> h.events(EventType.PROCESS_COMMUNICATION_STDOUT).size() == 3);
            var bodies = h.events(EventType.PROCESS_COMMUNICATION_STDOUT).stream().map(SupervisorEvent::body)
                    .collect(java.util.stream.Collectors.toList());
            assertEquals(java.util.List.of("A".repeat(25), "b".repeat(30), "red"), bodies);
            h.awaitState("cap", ProcessState.EXITED, 5);
            h.await("output", Duration.ofSeconds(5), () -> h.output("cap", LogChannel.STDOUT).endsWith("w\n"));
            assertEquals("xy\nz\nw\n", h.output("cap", LogChannel.STDOUT));
            assertEquals(3, h.count("'cap' stdout emitted a comm event"));
        }
    }

    @Test
    void tickEventsOnFiveSecondBoundaries() {
        try (Harness h = new Harness(config(dir))) {
            h.await("TICK_5", Duration.ofSeconds(8), () -> !h.events(EventType.TICK_5).isEmpty());
            long when = Long.parseLong(h.firstEvent(EventType.TICK_5).headers().get("when"));
            assertEquals(0, when % 5);
            assertTrue(Math.abs(System.currentTimeMillis() / 1000 - when) < 5);
        }
    }
}
