package io.jsupervisor.config.internal;

import static io.jsupervisor.config.internal.ExpansionTest.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.config.AutoRestart;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The value types of spec 1.4, with the reference's messages. */
class ValueTypesTest {
    @Test
    void byteSizesAcceptOnlyKbMbGb() {
        assertEquals(1024, PyValues.byteSize("1kb"));
        assertEquals(5L * 1024 * 1024, PyValues.byteSize("5MB"));
        assertEquals(2L * 1024 * 1024 * 1024, PyValues.byteSize("2Gb"));
        assertEquals(123, PyValues.byteSize("123"));
        assertEquals("invalid literal for int() with base 10: '50m'", refusal(() -> PyValues.byteSize("50M")));
    }

    @Test
    void booleans() {
        assertTrue(PyValues.bool("Yes") && PyValues.bool("on") && PyValues.bool("1") && PyValues.bool("TRUE"));
        assertFalse(PyValues.bool("no") || PyValues.bool("Off") || PyValues.bool("0") || PyValues.bool("false"));
        assertEquals("not a valid boolean value: 'maybe'", refusal(() -> PyValues.bool("maybe")));
    }

    @Test
    void integersAsPythonIntDoes() {
        assertEquals(1000, PyValues.integer(" 1_000 "));
        assertEquals(-3, PyValues.integer("-3"));
        assertEquals("invalid literal for int() with base 10: '1.5'", refusal(() -> PyValues.integer("1.5")));
    }

    @Test
    void octal() {
        assertEquals(0700, PyValues.octal("0700"));
        assertEquals(022, PyValues.octal("22"));
        assertEquals("08 can not be converted to an octal type", refusal(() -> PyValues.octal("08")));
    }

    @Test
    void exitcodes() {
        assertEquals(List.of(0, 2), PyValues.exitcodes("0, 2"));
        assertEquals("not a valid list of exit codes: '0,256'", refusal(() -> PyValues.exitcodes("0,256")));
    }

    @Test
    void signalsByNameOrNumber() {
        assertEquals(15, PyValues.signal("TERM"));
        assertEquals(15, PyValues.signal("sigterm"));
        assertEquals(9, PyValues.signal("9"));
        assertEquals(34, PyValues.signal("RTMIN"));
        assertEquals(10, PyValues.signal("sigusr1"));
        assertEquals(12, PyValues.signal("USR2"));
        assertEquals("value 'BOGUS' is not a valid signal name", refusal(() -> PyValues.signal("BOGUS")));
        assertEquals("value '40' is not a valid signal number", refusal(() -> PyValues.signal("40")));
    }

    @Test
    void autorestartValues() {
        assertEquals(AutoRestart.TRUE, PyValues.autoRestart("true"));
        assertEquals(AutoRestart.FALSE, PyValues.autoRestart("off"));
        assertEquals(AutoRestart.UNEXPECTED, PyValues.autoRestart("Unexpected"));
        assertEquals("invalid 'autorestart' value 'sometimes'", refusal(() -> PyValues.autoRestart("sometimes")));
    }

    @Test
    void processAndGroupNames() {
        assertEquals("web", PyValues.name(" web "));
        assertEquals("Invalid name: 'a:b' because of character: ':'", refusal(() -> PyValues.name("a:b")));
        assertEquals("Invalid name: 'a/b' because of character: '/'", refusal(() -> PyValues.name("a/b")));
    }

    @Test
    void keyValuePairsAsNonPosixShlex() {
        assertEquals(Map.of("A", "1", "B", "two words", "C", "q", "D", "", "P", "/usr/bin:/bin"),
                KeyValuePairs.parse("A=1,B=\"two words\",C='q',D=\"\",P=/usr/bin:/bin"));
        assertEquals("Unexpected end of key/value pairs in value 'A=1 B=2'",
                refusal(() -> KeyValuePairs.parse("A=1 B=2")));
        assertEquals("No closing quotation", refusal(() -> KeyValuePairs.parse("A=\"open")));
    }

    @Test
    void usersAndGroupsFromThePasswdAndGroupFiles() throws Exception {
        Path etc = Path.of(getClass().getClassLoader().getResource("fixtures/etc").toURI());
        PosixAccounts accounts = new PosixAccounts(etc);
        assertEquals(1001, accounts.uidOf("alice"));
        assertEquals(0, accounts.uidOf("0"));
        assertEquals(List.of(1001, 50), List.of(accounts.userAndGroup("alice:staff")[0],
                accounts.userAndGroup("alice:staff")[1]));
        assertEquals("Invalid user id 4242", refusal(() -> accounts.uidOf("4242")));
        assertEquals("Invalid user:group definition alice:nogroup", refusal(() -> accounts.userAndGroup("alice:nogroup")));
    }

    @Test
    void pathsNormaliseAsPosixpath() {
        assertEquals("/a/c", PathRules.normpath("/a/./b/../c/"));
        assertEquals("//a", PathRules.normpath("//a"));
        assertEquals("/a", PathRules.normpath("///a"));
        assertEquals("/a", PathRules.dirname("/a/b"));
        assertEquals("", PathRules.dirname("b"));
    }
}
