package io.jsupervisor.ctl.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Options as Python's getopt and supervisor's option handlers take them, with their error texts. */
class CommandLineTest {
    private static String error(String... args) {
        return assertThrows(UsageError.class, () -> CommandLine.parse(args)).getMessage();
    }

    @Test
    void optionsStopAtTheCommand() throws Exception {
        CommandLine line = CommandLine.parse(new String[] {"-c", "f.conf", "-shttp://h:1", "--user=u", "tail", "-f",
                "x"});
        assertEquals("f.conf", line.values().get("configuration"));
        assertEquals("http://h:1", line.values().get("serverurl"));
        assertEquals("u", line.values().get("username"));
        assertEquals(List.of("tail", "-f", "x"), line.arguments());
    }

    @Test
    void errorsReadAsTheReferences() {
        assertEquals("option -x not recognized", error("-x"));
        assertEquals("option -c requires argument", error("-c"));
        assertEquals("option --h not a unique prefix", error("--h"));
        assertEquals("option --nope not recognized", error("--nope"));
        assertEquals("option --help must not have an argument", error("--help=1"));
        assertEquals("invalid value for -s 'foo': value 'foo' is not a URL", error("-s", "foo"));
        assertEquals("conflicting command line option '-u'", error("-u", "a", "-u", "b"));
    }

    @Test
    void helpWinsWhereverItIs() throws Exception {
        assertTrue(CommandLine.parse(new String[] {"-i", "-?"}).help());
        assertTrue(CommandLine.parse(new String[] {"--he"}).help());
    }
}
