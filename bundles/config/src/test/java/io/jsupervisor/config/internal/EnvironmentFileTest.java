package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** environment_file: its rules, its place under environment=, and refusals naming file, section and option. */
class EnvironmentFileTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    private static Map<String, String> parse(String text) {
        return EnvironmentFile.parse("'f'", text);
    }

    private static String refusal(String text) {
        return assertThrows(Refusal.class, () -> parse(text)).getMessage();
    }

    @Test
    void commentsBlankLinesExportAndQuotesFollowTheDocumentedRules() {
        Map<String, String> want = new LinkedHashMap<>();
        want.put("PLAIN", "value with spaces");
        want.put("EXPORTED", "1");
        want.put("SINGLE", "lit $HOME \\n \"x\"");
        want.put("DOUBLE", "a\nb \"q\" \\ $ \\d");
        want.put("EMPTY", "");
        want.put("HASH", "a#b");
        want.put("CUT", "v");
        want.put("QUOTED_HASH", "x # y");
        want.put("SPACED", "around");
        want.put("EQ", "a=b=c");
        assertEquals(want, parse("# a comment\n\n   \n  PLAIN=value with spaces   \r\n"
                + "export EXPORTED=1\n"
                + "SINGLE='lit $HOME \\n \"x\"'\n"
                + "DOUBLE=\"a\\nb \\\"q\\\" \\\\ \\$ \\d\"  # comment\n"
                + "EMPTY=\n"
                + "HASH=a#b\n"
                + "CUT=v # comment\n"
                + "QUOTED_HASH='x # y'\n"
                + "\tSPACED =  around\n"
                + "EQ=a=b=c"));
    }

    @Test
    void aLaterLineForTheSameKeyWins() {
        assertEquals(Map.of("A", "2"), parse("A=1\nA=2\n"));
    }

    @Test
    void badLinesAreRefusedWithTheirLineNumber() {
        assertEquals("'f' line 2: expected KEY=VALUE, got 'JUSTAKEY'", refusal("A=1\nJUSTAKEY\n"));
        assertEquals("'f' line 1: invalid variable name '1A'", refusal("1A=x"));
        assertEquals("'f' line 1: invalid variable name 'MY-VAR'", refusal("MY-VAR=x"));
        assertEquals("'f' line 1: unterminated single quote", refusal("A='open"));
        assertEquals("'f' line 3: unterminated double quote", refusal("\n\nA=\"open\\\""));
        assertEquals("'f' line 1: unexpected text after the closing quote: 'b'", refusal("A=\"a\" b"));
    }

    private String conf(String name, String text) throws Exception {
        Files.writeString(tmp.resolve(name), text);
        return name;
    }

    @Test
    void fileValuesGoUnderEnvironmentAndBecomeEnvNamesOfTheSection() throws Exception {
        Files.writeString(tmp.resolve("web.env"), "PORT=8080\nMODE=file\n");
        String f = conf("ok.conf", "[supervisord]\n[program:web]\ncommand=/bin/web --port %(ENV_PORT)s\n"
                + "environment_file=%(here)s/web.env\nenvironment=MODE=\"option\"\n");
        ProcessSpec p = Fixtures.process(fx.load(f), "web");
        assertEquals(Map.of("PORT", "8080", "MODE", "option"), p.environment());
        assertEquals("/bin/web --port 8080", p.command());
    }

    @Test
    void anEditedFileMakesTheProgramChangedForReread() throws Exception {
        Files.writeString(tmp.resolve("app.env"), "A=1\n");
        String f = conf("edit.conf", "[supervisord]\n[program:web]\ncommand=/bin/web\n"
                + "environment_file=%(here)s/app.env\n");
        ProcessSpec before = Fixtures.process(fx.load(f), "web");
        assertEquals(before, Fixtures.process(fx.load(f), "web"), "same file, same program");
        Files.writeString(tmp.resolve("app.env"), "A=2\n");
        ProcessSpec after = Fixtures.process(fx.load(f), "web");
        assertNotEquals(before, after);
        assertEquals(Map.of("A", "2"), after.environment());
    }

    @Test
    void aRelativePathIsTakenFromTheDaemonsWorkingDirectory() throws Exception {
        Files.writeString(tmp.resolve("rel.env"), "A=1\n");
        String f = conf("rel.conf", "[supervisord]\n[program:web]\ncommand=/bin/web\nenvironment_file=rel.env\n");
        assertEquals(Map.of("A", "1"), Fixtures.process(fx.load(f), "web").environment());
    }

    @Test
    void theSupervisordSectionTakesOneTooUnderItsEnvironment() throws Exception {
        Files.writeString(tmp.resolve("global.env"), "G=file\nH=file\n");
        String f = conf("global.conf", "[supervisord]\nenvironment_file=%(here)s/global.env\nenvironment=H=option\n"
                + "[program:web]\ncommand=/bin/web %(ENV_G)s\n");
        SupervisorConfig c = fx.load(f);
        assertEquals(Map.of("G", "file", "H", "option"), c.supervisord().environment());
        assertEquals("/bin/web file", Fixtures.process(c, "web").command());
    }

    @Test
    void aMissingFileIsRefusedAtLoadWithSectionOptionAndFile() throws Exception {
        String f = conf("missing.conf", "[supervisord]\n[program:web]\ncommand=/bin/web\n"
                + "environment_file=%(here)s/nope.env\n");
        assertEquals("[program:web] environment_file: cannot read '" + tmp.resolve("nope.env")
                + "': No such file or directory" + fx.inFile(f), fx.refusal(f));
    }

    @Test
    void aDirectoryOrAnEmptyPathIsRefused() throws Exception {
        String f = conf("dir.conf", "[supervisord]\nenvironment_file=%(here)s\n");
        assertEquals("[supervisord] environment_file: cannot read '" + tmp + "': Is a directory" + fx.inFile(f),
                fx.refusal(f));
        String g = conf("empty.conf", "[supervisord]\n[program:web]\ncommand=/bin/web\nenvironment_file=\n");
        assertEquals("[program:web] environment_file: empty path" + fx.inFile(g), fx.refusal(g));
    }

    @Test
    void aBadLineIsRefusedWithTheEnvFileAndLineAndTheConfigFile() throws Exception {
        Files.writeString(tmp.resolve("bad.env"), "# ok\nA=1\nnot a pair\n");
        String f = conf("badline.conf", "[supervisord]\n[program:web]\ncommand=/bin/web\n"
                + "environment_file=%(here)s/bad.env\n");
        assertEquals("[program:web] environment_file: '" + tmp.resolve("bad.env")
                + "' line 3: expected KEY=VALUE, got 'not a pair'" + fx.inFile(f), fx.refusal(f));
    }

    @Test
    void invalidUtf8IsRefused() throws Exception {
        Files.write(tmp.resolve("latin1.env"), new byte[] {'A', '=', (byte) 0xe9, '\n'});
        String f = conf("latin.conf", "[supervisord]\n[program:web]\ncommand=/bin/web\n"
                + "environment_file=%(here)s/latin1.env\n");
        assertEquals("[program:web] environment_file: cannot read '" + tmp.resolve("latin1.env")
                + "': not UTF-8 text" + fx.inFile(f), fx.refusal(f));
    }
}
