package io.jsupervisor.web.ui.internal;

/**
 * Where the status markup points, so one renderer serves both the status page and the Web Console tab.
 *
 * @param action the forms' target (POST)
 * @param ui     prefix of the web UI's own pages ({@code tail.html}, {@code log.html}, {@code logtail/})
 * @param data   prefix of {@code status.json}/{@code status.events}; empty: next to the page itself
 */
record PageLinks(String action, String ui, String data) {
    /** The status page at the root of the default context: everything relative to it. */
    static final PageLinks PAGE = new PageLinks("index.html", "", "");
}
