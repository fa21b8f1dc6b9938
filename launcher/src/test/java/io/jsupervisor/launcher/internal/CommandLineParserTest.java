package io.jsupervisor.launcher.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommandLineParserTest {
    @TempDir
    Path cwd;

    private CommandLine parse(String... args) throws UsageException {
        return new CommandLineParser(cwd, cwd.resolve("home")).parse(List.of(args));
    }

    private String error(String... args) {
        return assertThrows(UsageException.class, () -> parse(args)).getMessage();
    }

    @Test
    void flagsAndValuesBecomeOverridesInOrder() throws Exception {
        CommandLine line = parse("-n", "-e", "debug", "--identifier=web", "-y", "5MB", "-s", "-k", "-t", "-a", "2048",
                "--minprocs", "300", "-z", "4", "-u", "nobody", "-m", "027");
        assertEquals(CommandLine.Action.RUN, line.action());
        assertEquals(Map.ofEntries(Map.entry("nodaemon", "true"), Map.entry("loglevel", "debug"),
                Map.entry("identifier", "web"), Map.entry("logfile_maxbytes", "5MB"), Map.entry("silent", "true"),
                Map.entry("nocleanup", "true"), Map.entry("strip_ansi", "true"), Map.entry("minfds", "2048"),
                Map.entry("minprocs", "300"), Map.entry("logfile_backups", "4"), Map.entry("user", "nobody"),
                Map.entry("umask", "027")), line.overrides());
        assertEquals(List.of("nodaemon", "loglevel", "identifier"), line.overrides().keySet().stream().limit(3).toList());
        assertNull(line.configFile());
    }

    @Test
    void shortOptionsClusterAndTakeTheirValueFromTheSameWord() throws Exception {
        CommandLine line = parse("-nkcetc/x.conf");
        assertEquals(cwd.resolve("etc/x.conf"), line.configFile());
        assertEquals(Map.of("nodaemon", "true", "nocleanup", "true"), line.overrides());
    }

    @Test
    void pathValuesAreResolvedAgainstTheWorkingDirectory() throws Exception {
        Files.createDirectories(cwd.resolve("logs"));
        CommandLine line = parse("-l", "logs/main.log", "-j", "sup.pid", "-q", "logs", "-d", ".");
        assertEquals(cwd.resolve("logs/main.log").toString(), line.overrides().get("logfile"));
        assertEquals(cwd.resolve("sup.pid").toString(), line.overrides().get("pidfile"));
        assertEquals(cwd.resolve("logs").toString(), line.overrides().get("childlogdir"));
        assertEquals(cwd.toString(), line.overrides().get("directory"));
    }

    @Test
    void syslogAsLogfileStaysAKeyword() throws Exception {
        assertEquals("syslog", parse("-l", "syslog").overrides().get("logfile"));
    }

    @Test
    void uniqueLongPrefixIsAcceptedAndAnAmbiguousOneRefused() throws Exception {
        assertEquals("true", parse("--nod").overrides().get("nodaemon"));
        assertEquals("option --lo not a unique prefix", error("--lo", "x"));
        assertEquals("option --bogus not recognized", error("--bogus"));
    }

    @Test
    void helpAndVersionWin() throws Exception {
        assertEquals(CommandLine.Action.VERSION, parse("-v").action());
        assertEquals(CommandLine.Action.HELP, parse("-n", "-?").action());
        assertEquals(CommandLine.Action.HELP, parse("--help").action());
    }

    @Test
    void usageErrorsUseTheReferenceWording() {
        assertEquals("option -x not recognized", error("-x"));
        assertEquals("option -c requires argument", error("-c"));
        assertEquals("option --configuration requires argument", error("--configuration"));
        assertEquals("option --nodaemon must not have an argument", error("--nodaemon=1"));
        assertEquals("conflicting command line option '-n'", error("-n", "-n"));
        assertEquals("conflicting command line option '--nodaemon'", error("-n", "--nodaemon"));
        assertEquals("conflicting command line option '-c'", error("-c", "a", "-c", "b"));
        assertEquals("positional arguments are not supported: ['foo', '-n']", error("foo", "-n"));
        assertEquals("invalid value for -m '99': 99 can not be converted to an octal type", error("-m", "99"));
        assertEquals("invalid value for -a 'x': invalid literal for int() with base 10: 'x'", error("-a", "x"));
        assertEquals("invalid value for -y '5XB': invalid literal for int() with base 10: '5xb'", error("-y", "5XB"));
        assertEquals("invalid value for -e 'LOUD': bad logging level name 'LOUD'", error("-e", "LOUD"));
        assertEquals("invalid value for -q 'nowhere': nowhere is not an existing directory", error("-q", "nowhere"));
        assertEquals("invalid value for -j 'no/dir/x.pid': The directory named as part of the path no/dir/x.pid "
                + "does not exist", error("-j", "no/dir/x.pid"));
    }

    @Test
    void doubleDashEndsOptionsAndWhatFollowsIsPositional() {
        assertEquals("positional arguments are not supported: ['-n']", error("--", "-n"));
    }

    @Test
    void tildeExpandsToTheUsersHome() throws Exception {
        Files.createDirectories(cwd.resolve("home/logs"));
        assertEquals(cwd.resolve("home/logs").toString(), parse("-q", "~/logs").overrides().get("childlogdir"));
    }

    @Test
    void levelNamesAreCaseInsensitive() throws IOException, UsageException {
        assertEquals("WARN", parse("-e", "WARN").overrides().get("loglevel"));
    }
}
