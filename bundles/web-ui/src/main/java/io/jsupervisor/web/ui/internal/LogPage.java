package io.jsupervisor.web.ui.internal;

/**
 * {@code log.html}: the live log viewer of one process. The script reads {@code log.txt} once a second and
 * appends what is new; two buttons switch between stdout and stderr.
 */
final class LogPage {
    private final String css = Resource.text("log.css");
    private final String script = Resource.text("log.js");

    String render(String processname, boolean stderr, String nonce) {
        String name = Html.escape(processname);
        StringBuilder out = new StringBuilder(8192);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Log of ").append(name).append("</title>\n")
                .append("<style nonce=\"").append(nonce).append("\">\n").append(css).append("</style>\n")
                .append("</head>\n<body>\n<div id=\"bar\"><a href=\"./\">Status</a> <strong id=\"logname\">")
                .append(name).append("</strong> ")
                .append("<button type=\"button\" id=\"stdout\" aria-pressed=\"").append(!stderr).append("\">stdout</button>")
                .append("<button type=\"button\" id=\"stderr\" aria-pressed=\"").append(stderr).append("\">stderr</button>")
                .append("<label><input type=\"checkbox\" id=\"follow\" checked> follow</label>")
                .append("<span id=\"logstate\"></span></div>\n")
                .append("<pre id=\"logbody\" data-name=\"").append(name).append("\"></pre>\n")
                .append("<script nonce=\"").append(nonce).append("\">\n").append(script).append("</script>\n")
                .append("</body>\n</html>\n");
        return out.toString();
    }
}
