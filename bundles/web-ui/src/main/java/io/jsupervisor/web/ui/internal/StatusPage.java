package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessState;
import java.util.List;
import java.util.Map;

/**
 * The status page's HTML: the reference's table (State, Description, Name, Action), its buttons and
 * messages, as POST forms carrying the form token. Every name, description and message is escaped.
 * The inline style and script carry the response's CSP nonce; the script keeps the rows up to date
 * from {@code status.events}/{@code status.json}, folds groups and filters. {@link #fragment} is the same
 * markup for a page that already has its own frame (the Web Console tab).
 */
final class StatusPage {
    private final String pageCss = Resource.text("page.css");
    private final String css = Resource.text("status.css");
    private final String script = Resource.text("status.js");

    /**
     * @param message the status-area text, or {@code null} for none
     * @param token   the form token
     * @param nonce   this response's CSP nonce
     */
    String render(List<ProcessInfo> processes, String message, String token, String nonce, int year) {
        return render(processes, Map.of(), message, token, nonce, year);
    }

    /** @param health the badges to show, by namespec (programs with a health check only) */
    String render(List<ProcessInfo> processes, Map<String, HealthInfo> health, String message, String token,
                  String nonce, int year) {
        StringBuilder out = new StringBuilder(6144 + processes.size() * 640);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Supervisor Status</title>\n")
                .append("<style nonce=\"").append(nonce).append("\">\n").append(pageCss).append(css).append("</style>\n")
                .append("</head>\n<body>\n<div id=\"wrapper\">\n")
                .append("<div id=\"header\"><h1>Supervisor status</h1></div>\n");
        body(out, processes, health, message, token, PageLinks.PAGE, "content");
        out.append("</div>\n")
                // the reference's footer names its version and year; ours names the product it is and whose
                // behaviour it follows (the reference's copyright line is not ours to show; no external link)
                .append("<div id=\"footer\"><div class=\"left\">JSupervisor, compatible with Supervisor ")
                .append("<span id=\"supervisor_version\">").append(ProcessManager.SUPERVISOR_VERSION).append("</span></div>")
                .append("<div class=\"right\"><span id=\"copyright_date\">").append(year)
                .append("</span></div></div>\n")
                .append("<script nonce=\"").append(nonce).append("\">\n").append(script).append("</script>\n")
                .append("</body>\n</html>\n");
        return out.toString();
    }

    /** The table, buttons and script without a page around them (no CSP there: the host page has none). */
    String fragment(List<ProcessInfo> processes, String message, String token, PageLinks links) {
        return fragment(processes, Map.of(), message, token, links);
    }

    String fragment(List<ProcessInfo> processes, Map<String, HealthInfo> health, String message, String token,
                    PageLinks links) {
        StringBuilder out = new StringBuilder(6144 + processes.size() * 640);
        out.append("<style>\n").append(css).append("</style>\n");
        body(out, processes, health, message, token, links, "jsupervisor");
        out.append("<script>\n").append(script).append("</script>\n");
        return out.toString();
    }

    private static void body(StringBuilder out, List<ProcessInfo> processes, Map<String, HealthInfo> health,
                             String message, String token, PageLinks links, String id) {
        out.append("<div id=\"").append(id).append("\" class=\"jsv\" data-ui=\"").append(Html.escape(links.ui()))
                .append("\" data-data=\"").append(Html.escape(links.data()))
                .append("\" data-action=\"").append(Html.escape(links.action())).append("\">\n");
        if (message != null) {
            out.append("<div id=\"statusmessage\" class=\"status_msg\">").append(Html.escape(message)).append("</div>\n");
        }
        out.append("<div id=\"buttons\">\n<form method=\"post\" action=\"").append(Html.escape(links.action())).append("\">")
                .append("<input type=\"hidden\" id=\"csrf-token\" name=\"").append(CsrfToken.PARAM)
                .append("\" value=\"").append(Html.escape(token)).append("\">")
                .append("<button type=\"submit\" name=\"action\" value=\"refresh\">Refresh</button>")
                .append("<button type=\"submit\" name=\"action\" value=\"restartall\">Restart All</button>")
                .append("<button type=\"submit\" name=\"action\" value=\"stopall\">Stop All</button>")
                // ours: update --changed-only (re-read the file, restart only what changed)
                .append("<button type=\"submit\" name=\"action\" value=\"updatechanged\" title=\"Re-read the "
                        + "configuration; restart only the processes whose settings changed\">Update Changed</button>"
                        + "</form>\n")
                .append("<input id=\"filter\" type=\"search\" placeholder=\"Filter by name\" aria-label=\"Filter by name\">")
                .append("<select id=\"statefilter\" aria-label=\"Filter by state\"><option value=\"\">All states</option>");
        for (ProcessState s : ProcessState.values()) {
            out.append("<option>").append(StateStyle.label(s)).append("</option>");
        }
        out.append("</select><span id=\"live\"></span>\n</div>\n");
        out.append("<table id=\"statustable\"").append(processes.isEmpty() ? " hidden" : "").append(">\n")
                .append("<thead><tr><th class=\"state\">State</th><th class=\"desc\">Description</th>")
                .append("<th class=\"name\">Name</th><th class=\"action\">Action</th></tr></thead>\n")
                .append("<tbody id=\"tbody\">\n");
        boolean shade = false;
        for (ProcessInfo p : processes) {
            row(out, p, health.get(p.namespec()), token, links, shade);
            shade = !shade;
        }
        out.append("</tbody>\n</table>\n")
                .append("<p id=\"noprograms\"").append(processes.isEmpty() ? "" : " hidden")
                .append(">No programs to manage</p>\n</div>\n");
    }

    private static void row(StringBuilder out, ProcessInfo p, HealthInfo health, String token, PageLinks links,
                            boolean shade) {
        String ns = p.namespec();
        String nsEsc = Html.escape(ns);
        String nsUrl = Html.escape(Html.encode(ns));
        String ui = Html.escape(links.ui());
        out.append("<tr").append(shade ? " class=\"shade\"" : "").append(" data-name=\"").append(nsEsc)
                .append("\" data-group=\"").append(Html.escape(p.group())).append("\">")
                .append("<td class=\"status\"><span class=\"").append(StateStyle.cssClass(p.state())).append("\">")
                .append(StateStyle.label(p.state())).append("</span>");
        HealthBadges.html(out, health);
        out.append("</td>")
                .append("<td class=\"desc\">").append(Html.escape(p.description())).append("</td>")
                .append("<td class=\"name\"><a href=\"").append(ui).append("tail.html?processname=").append(nsUrl)
                .append("\" target=\"_blank\" rel=\"noopener\">").append(nsEsc).append("</a></td>")
                .append("<td class=\"action\"><form method=\"post\" action=\"").append(Html.escape(links.action())).append("\">")
                .append("<input type=\"hidden\" name=\"").append(CsrfToken.PARAM).append("\" value=\"")
                .append(Html.escape(token)).append("\">")
                .append("<input type=\"hidden\" name=\"processname\" value=\"").append(nsEsc).append("\">");
        for (ProcessAction a : ProcessAction.forState(p.state())) {
            out.append("<button type=\"submit\" name=\"action\" value=\"").append(a.param()).append("\">")
                    .append(a.label()).append("</button>");
        }
        out.append("<a href=\"").append(ui).append("logtail/").append(nsUrl).append("\" target=\"_blank\" rel=\"noopener\">Tail -f Stdout</a>")
                .append("<a href=\"").append(ui).append("logtail/").append(nsUrl).append("/stderr\" target=\"_blank\" rel=\"noopener\">Tail -f Stderr</a>")
                .append("<a class=\"follow\" href=\"").append(ui).append("log.html?processname=").append(nsUrl)
                .append("\" target=\"_blank\" rel=\"noopener\">Log</a>")
                .append("</form></td></tr>\n");
    }
}
