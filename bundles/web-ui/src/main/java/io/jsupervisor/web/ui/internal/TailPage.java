package io.jsupervisor.web.ui.internal;

/** {@code tail.html}: the last stdout bytes of a process in a {@code <pre>}, with a Refresh link. */
final class TailPage {
    private final String css = Resource.text("tail.css");

    /**
     * @param processname {@code null} when the query had none (then there is no Refresh link)
     * @param limit       the byte count the Refresh link asks for
     */
    String render(String processname, String tail, long limit, String nonce) {
        StringBuilder out = new StringBuilder(tail.length() + 1024);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Supervisor tail of process ").append(Html.escape(String.valueOf(processname)))
                .append("</title>\n<style nonce=\"").append(nonce).append("\">\n").append(css).append("</style>\n")
                .append("</head>\n<body>\n");
        if (processname != null) {
            out.append("<div class=\"buttons\"><a id=\"refresh_anchor\" href=\"tail.html?processname=")
                    .append(Html.escape(Html.encode(processname))).append("&amp;limit=").append(limit)
                    .append("\">Refresh</a></div>\n");
        }
        out.append("<pre id=\"tailbody\">").append(Html.escape(tail)).append("</pre>\n</body>\n</html>\n");
        return out.toString();
    }
}
