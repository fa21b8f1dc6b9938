package io.jsupervisor.web.ui.internal;

import static io.jsupervisor.web.ui.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessState;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StatusPageTest {
    private final StatusPage page = new StatusPage();

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void scriptInProcessNameDescriptionAndMessageAppearsEscaped() {
        ProcessInfo evil = process("<script>alert(1)</script>", "<script>alert(1)</script>", ProcessState.RUNNING,
                "<img src=x onerror=alert(2)>");
        String html = page.render(List.of(evil), "<script>alert(3)</script>", "tok", "NONCE", 2026);
        assertFalse(html.contains("<script>alert"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
        assertTrue(html.contains("<div id=\"statusmessage\" class=\"status_msg\">&lt;script&gt;alert(3)&lt;/script&gt;</div>"));
        // the only script element is ours, with the nonce
        assertEquals(1, count(html, "<script"));
        assertTrue(html.contains("<script nonce=\"NONCE\">"));
    }

    @Test
    void rowsKeepTheManagersOrderAlternateShadeAndCarryStateClassAndActions() {
        String html = page.render(List.of(
                process("a", "a", ProcessState.RUNNING, "pid 77, uptime 0:01:40"),
                process("grp", "x", ProcessState.FATAL, "Exited too quickly"),
                process("grp", "y", ProcessState.STOPPED, "Not started")), null, "tok", "N", 2026);
        Matcher rows = Pattern.compile("<tr( class=\"shade\")? data-name=\"([^\"]*)\" data-group=\"[^\"]*\">.*?</tr>").matcher(html);
        StringBuilder seen = new StringBuilder();
        while (rows.find()) {
            seen.append(rows.group(1) == null ? "-" : "S").append(rows.group(2)).append(' ');
        }
        assertEquals("-a Sgrp:x -grp:y ", seen.toString());
        assertTrue(html.contains("<span class=\"statusrunning\">running</span>"));
        assertTrue(html.contains("<span class=\"statuserror\">fatal</span>"));
        assertTrue(html.contains("<span class=\"statusnominal\">stopped</span>"));
        assertTrue(html.contains("<a href=\"tail.html?processname=grp%3Ax\" target=\"_blank\" rel=\"noopener\">grp:x</a>"));
        assertTrue(html.contains("<a href=\"logtail/grp%3Ax/stderr\""));
        String running = html.substring(html.indexOf("data-name=\"a\""), html.indexOf("data-name=\"grp:x\""));
        assertTrue(running.contains("value=\"restart\">Restart</button><button type=\"submit\" name=\"action\" value=\"stop\">Stop</button>"));
        assertFalse(running.contains("value=\"start\""));
        String fatal = html.substring(html.indexOf("data-name=\"grp:x\""), html.indexOf("data-name=\"grp:y\""));
        assertTrue(fatal.contains("value=\"start\">Start</button>"));
        assertFalse(fatal.contains("value=\"stop\""));
        assertTrue(html.contains("<p id=\"noprograms\" hidden>"));
    }

    @Test
    void everyFormCarriesTheTokenAndPostsToTheSamePage() {
        String html = page.render(List.of(process("a", "a", ProcessState.RUNNING, "d")), null, "T0k-en_", "N", 2026);
        int forms = count(html, "<form method=\"post\" action=\"index.html\">");
        assertEquals(2, forms, "the global buttons and one row");
        assertEquals(forms, count(html, "name=\"csrf\" value=\"T0k-en_\""));
        assertFalse(html.contains("href=\"index.html?"), "no GET action links");
    }

    @Test
    void noProcessesSaysNoProgramsToManageAndFooterShowsVersionAndYear() {
        String html = page.render(List.of(), null, "tok", "N", 2031);
        assertTrue(html.contains("<p id=\"noprograms\">No programs to manage</p>"));
        assertTrue(html.contains("<table id=\"statustable\" hidden>"));
        assertTrue(html.contains("<span id=\"supervisor_version\">4.2.5</span>"));
        assertTrue(html.contains("<span id=\"copyright_date\">2031</span>"));
        assertFalse(html.contains("<div id=\"statusmessage\""));
    }

    @Test
    void statusJsonCarriesStyledRowsWithEscapedText() {
        String json = StatusJson.render(List.of(process("g", "<script>", ProcessState.BACKOFF, "Exited too quickly")));
        assertFalse(json.contains("<"), json);
        assertTrue(json.contains("\"namespec\":\"g:\\u003cscript\\u003e\""), json);
        assertTrue(json.contains("\"state\":\"backoff\",\"stateClass\":\"statuserror\""), json);
        assertTrue(json.contains("\"actions\":[{\"action\":\"clearlog\",\"label\":\"Clear Log\"}]"), json);
        assertTrue(json.startsWith("{\"supervisorVersion\":\"4.2.5\",\"processes\":["));
    }

    @Test
    void tailPageEscapesLogOutputAndLinksRefreshWithTheLimit() {
        String html = new TailPage().render("grp:a", "out <script>alert(1)</script>\n", 1024, "N");
        assertFalse(html.contains("<script"));
        assertTrue(html.contains("<pre id=\"tailbody\">out &lt;script&gt;alert(1)&lt;/script&gt;\n</pre>"));
        assertTrue(html.contains("href=\"tail.html?processname=grp%3Aa&amp;limit=1024\""));
        assertTrue(html.contains("<title>Supervisor tail of process grp:a</title>"));
        assertFalse(new TailPage().render(null, "No process name found", 1024, "N").contains("refresh_anchor"));
    }
}
