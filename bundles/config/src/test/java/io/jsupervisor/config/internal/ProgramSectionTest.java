package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.config.AutoRestart;
import io.jsupervisor.config.ChannelLogSpec;
import io.jsupervisor.config.ConfigMessage;
import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [program:x]}: defaults, every option, log files, refusals (spec 1.9). */
class ProgramSectionTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    @Test
    void defaults() throws Exception {
        ProcessSpec p = Fixtures.process(fx.load("program-defaults.conf"), "a");
        assertEquals(new ProcessSpec("a", "a", "a", 0, "/bin/a", 999, true, 1, 3, AutoRestart.UNEXPECTED, List.of(0),
                15, 10, false, false, null, null, false,
                new ChannelLogSpec(ChannelLogSpec.AUTO, 50L * 1024 * 1024, 10, 0, false, false),
                new ChannelLogSpec(ChannelLogSpec.AUTO, 50L * 1024 * 1024, 10, 0, false, false),
                Map.of(), null, null, "AUTO", Map.of("command", "/bin/a")), p);
    }

    @Test
    void everyOption() throws Exception {
        ProcessSpec p = Fixtures.process(fx.load("program-all.conf"), "a");
        assertEquals(5, p.priority());
        assertFalse(p.autostart());
        assertEquals(0, p.startsecs());
        assertEquals(9, p.startretries());
        assertEquals(AutoRestart.TRUE, p.autorestart());
        assertEquals(List.of(0, 2, 255), p.exitcodes());
        assertEquals(2, p.stopsignal());
        assertEquals(3, p.stopwaitsecs());
        assertTrue(p.stopasgroup() && p.killasgroup(), "stopasgroup implies killasgroup");
        assertEquals("alice", p.user());
        assertEquals(1001, p.uid());
        assertTrue(p.redirectStderr());
        assertEquals(new ChannelLogSpec(tmp + "/a.out", 2L * 1024 * 1024, 0, 1024L * 1024 * 1024, true, true),
                p.stdout());
        assertNull(p.stderr().logfile());
        assertEquals(2, p.umask());
        assertEquals("http://127.0.0.1:9001", p.serverurl());
    }

    @Test
    void programWithoutCommandIsRefused() {
        assertEquals("[program:a] command: program section program:a does not specify a command"
                + fx.inFile("program-no-command.conf"), fx.refusal("program-no-command.conf"));
    }

    @Test
    void notAnIntegerNamesSectionOptionAndFile() {
        assertEquals("[program:web] startsecs: invalid literal for int() with base 10: 'ten'"
                + fx.inFile("program-bad-int.conf"), fx.refusal("program-bad-int.conf"));
    }

    @Test
    void severalProcessesNeedProcessNumInTheirName() {
        assertEquals("[program:a] process_name: %(process_num) must be present within process_name when numprocs > 1"
                + fx.inFile("program-numprocs-without-num.conf"), fx.refusal("program-numprocs-without-num.conf"));
    }

    @Test
    void stopasgroupWithoutKillasgroupIsRefused() {
        assertEquals("[program:a] killasgroup: Cannot set stopasgroup=true and killasgroup=false"
                + fx.inFile("program-stopasgroup.conf"), fx.refusal("program-stopasgroup.conf"));
    }

    @Test
    void namesWithSpacesAreRefused() {
        assertEquals("[program:my prog] Invalid name: 'my prog' because of character: ' '"
                + fx.inFile("program-bad-name.conf"), fx.refusal("program-bad-name.conf"));
    }

    @Test
    void unknownUserIsRefused() {
        assertEquals("[program:a] user: Invalid user name nosuchuser" + fx.inFile("program-unknown-user.conf"),
                fx.refusal("program-unknown-user.conf"));
    }

    @Test
    void logDirectoryMustExist() {
        assertEquals("[program:a] stdout_logfile: The directory named as part of the path /no/such/dir/a.log does "
                + "not exist" + fx.inFile("program-log-dir-missing.conf"), fx.refusal("program-log-dir-missing.conf"));
    }

    @Test
    void logFileValuesAndTheirWarnings() throws Exception {
        SupervisorConfig c = fx.load("program-logs.conf");
        ProcessSpec a = Fixtures.process(c, "a");
        assertNull(a.stdout().logfile());
        assertTrue(a.stdout().syslog(), "stdout_logfile=syslog becomes stdout_syslog=true");
        assertTrue(a.stderr().isAuto());
        ProcessSpec b = Fixtures.process(c, "b");
        assertTrue(b.stdout().isNone());
        assertTrue(b.stderr().isNone(), "redirected stderr never has a file");
        assertEquals(List.of(
                new ConfigMessage(LogLevel.WARN, "For [program:a], stdout_logfile=syslog but this is deprecated and "
                        + "will be removed.  Use stdout_syslog=true to enable syslog instead."),
                new ConfigMessage(LogLevel.WARN, "For [program:a], AUTO logging used for stderr_logfile without "
                        + "rollover, set maxbytes > 0 to avoid filling up filesystem unintentionally"),
                new ConfigMessage(LogLevel.WARN, "For [program:b], redirect_stderr=true but stderr_logfile has also "
                        + "been set to a filename, the filename has been ignored")), c.messages());
    }
}
