package io.jsupervisor.web.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.ProcessState;
import java.security.SecureRandom;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference's state classes and per-state actions, the form token, escaping and ctime. */
class StatusRulesTest {
    @Test
    void stateCssClassIsRunningErrorOrNominalAsInTheReference() {
        assertEquals("statusrunning", StateStyle.cssClass(ProcessState.RUNNING));
        assertEquals("statuserror", StateStyle.cssClass(ProcessState.FATAL));
        assertEquals("statuserror", StateStyle.cssClass(ProcessState.BACKOFF));
        for (ProcessState s : List.of(ProcessState.STOPPED, ProcessState.STARTING, ProcessState.STOPPING,
                ProcessState.EXITED, ProcessState.UNKNOWN)) {
            assertEquals("statusnominal", StateStyle.cssClass(s), s.name());
        }
        assertEquals("backoff", StateStyle.label(ProcessState.BACKOFF));
    }

    @Test
    void runningOffersRestartStopClearStoppedOnesOfferStartOthersOnlyClear() {
        assertEquals(List.of(ProcessAction.RESTART, ProcessAction.STOP, ProcessAction.CLEARLOG),
                ProcessAction.forState(ProcessState.RUNNING));
        for (ProcessState s : List.of(ProcessState.STOPPED, ProcessState.EXITED, ProcessState.FATAL)) {
            assertEquals(List.of(ProcessAction.START, ProcessAction.CLEARLOG), ProcessAction.forState(s), s.name());
        }
        for (ProcessState s : List.of(ProcessState.STARTING, ProcessState.BACKOFF, ProcessState.STOPPING,
                ProcessState.UNKNOWN)) {
            assertEquals(List.of(ProcessAction.CLEARLOG), ProcessAction.forState(s), s.name());
        }
    }

    @Test
    void formTokenMatchesOnlyItself() {
        SecureRandom random = new SecureRandom();
        CsrfToken token = new CsrfToken(random);
        CsrfToken other = new CsrfToken(random);
        assertTrue(token.matches(token.value()));
        assertFalse(token.matches(null));
        assertFalse(token.matches(""));
        assertFalse(token.matches(other.value()));
        assertFalse(token.matches(token.value() + "x"));
        assertNotEquals(token.value(), other.value());
        assertTrue(token.value().length() >= 40, "256 random bits");
    }

    @Test
    void escapeNeutralisesMarkupAndQuotesAndShowsControlCharacters() {
        assertEquals("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;",
                Html.escape("<script>alert('x')</script> & \"q\""));
        assertEquals("\u241b[31mred\ttab\nline", Html.escape("\u001b[31mred\ttab\nline"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void urlEncodingKeepsNamesInOneComponent() {
        assertEquals("grp%3Aa%20b%26c%2Fd", Html.encode("grp:a b&c/d"));
    }

    @Test
    void jsonStringNeverContainsMarkupCharacters() {
        String json = Json.string("</script><b>\"\\\n\u0001");
        assertEquals("\"\\u003c/script\\u003e\\u003cb\\u003e\\\"\\\\\\n\\u0001\"", json);
    }

    @Test
    void ctimePadsTheDayWithASpaceLikePython() {
        assertEquals("Wed Nov  4 09:05:01 2026",
                Ctime.format(ZonedDateTime.of(2026, 11, 4, 9, 5, 1, 0, ZoneOffset.UTC)));
        assertEquals("Tue Nov 24 11:26:22 2026",
                Ctime.format(ZonedDateTime.of(2026, 11, 24, 11, 26, 22, 0, ZoneOffset.UTC)));
    }

    @Test
    void tailLimitIsAtLeast1024AndOnlyDigitsCount() {
        assertEquals(1024, TailServlet.limit(null));
        assertEquals(1024, TailServlet.limit("20"));
        assertEquals(1024, TailServlet.limit("-5000"));
        assertEquals(1024, TailServlet.limit("abc"));
        assertEquals(5000, TailServlet.limit("5000"));
        assertEquals(TailServlet.MAX_LIMIT, TailServlet.limit("99999999999999999999999"));
    }
}
