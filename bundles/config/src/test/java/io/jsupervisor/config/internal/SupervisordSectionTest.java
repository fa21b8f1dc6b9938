package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.SupervisordSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [supervisord]}: defaults, every option, command-line overrides, refusals (spec 1.7). */
class SupervisordSectionTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    @Test
    void defaultsResolveRelativeFilesAgainstTheWorkingDirectory() throws Exception {
        SupervisordSpec s = fx.load("supervisord-defaults.conf").supervisord();
        assertEquals(tmp + "/supervisord.log", s.logfile());
        assertEquals(tmp + "/supervisord.pid", s.pidfile());
        assertEquals(50L * 1024 * 1024, s.logfileMaxbytes());
        assertEquals(10, s.logfileBackups());
        assertEquals(LogLevel.INFO, s.loglevel());
        assertEquals(022, s.umask());
        assertEquals(1024, s.minfds());
        assertEquals(200, s.minprocs());
        assertEquals("/tmp", s.childlogdir());
        assertEquals("supervisor", s.identifier());
        assertFalse(s.nodaemon() || s.silent() || s.nocleanup() || s.stripAnsi());
        assertNull(s.user());
        assertNull(s.directory());
        assertEquals(Map.of(), s.environment());
    }

    @Test
    void everyOptionIsRead() throws Exception {
        SupervisordSpec s = fx.load("supervisord-all.conf").supervisord();
        assertEquals(tmp + "/main.log", s.logfile());
        assertEquals(1024, s.logfileMaxbytes());
        assertEquals(3, s.logfileBackups());
        assertEquals(LogLevel.DEBUG, s.loglevel());
        assertEquals(tmp + "/sv.pid", s.pidfile());
        assertEquals(027, s.umask());
        assertTrue(s.nodaemon() && s.silent() && s.nocleanup() && s.stripAnsi());
        assertEquals(2048, s.minfds());
        assertEquals(300, s.minprocs());
        assertEquals(tmp.toString(), s.childlogdir());
        assertEquals("alice", s.user());
        assertEquals(tmp.toString(), s.directory());
        assertEquals(Map.of("A", "1", "B", "two words"), s.environment());
        assertEquals("svid", s.identifier());
    }

    @Test
    void commandLineOverridesBeatTheFile() throws Exception {
        SupervisordSpec s = fx.withOverrides(Map.of("nodaemon", "false", "loglevel", "warn", "identifier", "cli"))
                .load("supervisord-all.conf").supervisord();
        assertFalse(s.nodaemon());
        assertEquals(LogLevel.WARN, s.loglevel());
        assertEquals("cli", s.identifier());
    }

    @Test
    void missingSupervisordSectionIsRefused() {
        assertEquals(".ini file does not include supervisord section" + fx.inFile("supervisord-missing.conf"),
                fx.refusal("supervisord-missing.conf"));
    }

    @Test
    void logfileDirectoryMustExist() {
        assertEquals("[supervisord] logfile: The directory named as part of the path /no/such/dir/main.log does not "
                + "exist" + fx.inFile("supervisord-bad-dir.conf"), fx.refusal("supervisord-bad-dir.conf"));
    }
}
