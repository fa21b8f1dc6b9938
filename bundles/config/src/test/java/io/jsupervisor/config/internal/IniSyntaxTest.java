package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file syntax of Python's RawConfigParser as Supervisor configures it (spec 1.2). */
class IniSyntaxTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    @Test
    void colonAndEqualsBothDelimitAndOptionNamesIgnoreCase() throws Exception {
        SupervisorConfig c = fx.load("syntax-delimiters.conf");
        assertEquals("/bin/cat", Fixtures.process(c, "a").command());
        assertEquals(5, Fixtures.process(c, "a").startsecs());
        assertEquals(7, Fixtures.process(c, "a").startretries());
    }

    @Test
    void sectionNamesAreCaseSensitive() throws Exception {
        SupervisorConfig c = fx.load("syntax-delimiters.conf");
        assertEquals(1, c.groups().size(), "[Program:ignored] is not a program section");
    }

    @Test
    void inlineCommentsNeedWhitespaceBeforeThem() throws Exception {
        SupervisorConfig c = fx.load("syntax-comments.conf");
        assertEquals("/bin/echo hi;there", Fixtures.process(c, "a").command());
        assertEquals("/tmp#not-a-comment", Fixtures.process(c, "a").directory());
    }

    @Test
    void inlineCommentPrefixesAdvanceInLockStepAsInPython() {
        assertEquals("a#b #c ".length(), IniPreprocessor.commentStart("a#b #c ;d"));
        assertEquals("p;q ;r ".length(), IniPreprocessor.commentStart("p;q ;r #s"));
        assertEquals(-1, IniPreprocessor.commentStart("url=http://x/#a;b"));
    }

    @Test
    void continuationLinesAreJoinedWithNewlinesKeepingBlankLines() throws Exception {
        SupervisorConfig c = fx.load("syntax-continuation.conf");
        assertEquals("/bin/sh -c\n\"echo one\"\n\nlast", Fixtures.process(c, "a").command());
        assertEquals("1", Fixtures.process(c, "a").environment().get("A"));
    }

    @Test
    void repeatedSectionsMergeAndTheLastValueWins() throws Exception {
        SupervisorConfig c = fx.load("syntax-merge.conf");
        assertEquals("/bin/second", Fixtures.process(c, "a").command());
        assertEquals(3, Fixtures.process(c, "a").startsecs());
    }

    @Test
    void defaultSectionAppliesToEverySection() throws Exception {
        SupervisorConfig c = fx.load("syntax-default.conf");
        assertEquals(7, Fixtures.process(c, "a").startsecs());
        assertEquals(2, Fixtures.process(c, "b").startsecs());
    }

    @Test
    void utf8ByteOrderMarkIsAccepted() throws Exception {
        SupervisorConfig c = fx.load("syntax-bom.conf");
        assertEquals("/bin/a", Fixtures.process(c, "a").command());
    }

    @Test
    void linesWithoutDelimiterAreAllReportedWithTheirNumbers() {
        String file = fx.path("syntax-error.conf").toString();
        assertEquals("Source contains parsing errors: '" + file + "'\n\t[line  4]: 'node\\n'\n\t[line  5]: '=value\\n'",
                fx.refusal("syntax-error.conf"));
    }

    @Test
    void optionBeforeAnySectionIsRefused() {
        String file = fx.path("syntax-no-header.conf").toString();
        assertEquals("File contains no section headers.\nfile: '" + file + "', line: 1\n'command=/bin/a\\n'",
                fx.refusal("syntax-no-header.conf"));
    }

    @Test
    void ini4jIsOnlyTheTransportAndKeepsEveryCharacter() {
        String tricky = "a\\b ; # = : [x] ${y} \"q\" '\u00e9' \u00a4";
        assertEquals(tricky, Ini4jReader.unescape(Ini4jReader.escape(tricky)));
        assertTrue(Ini4jReader.escape(tricky).matches("[A-Za-z0-9_\\-.,/\u00a4]*"));
    }
}
