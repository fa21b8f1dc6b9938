package io.jsupervisor.logging.internal;

import java.util.ArrayList;
import java.util.List;

/** Splits text into lines for syslog as the reference does: trailing newlines dropped, then split on '\n'. */
final class Lines {
    private Lines() {
    }

    static List<String> of(String text, String prefix) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (true) {
            int nl = text.indexOf('\n', start);
            if (nl < 0 || nl >= end) {
                lines.add(prefix + text.substring(start, end));
                return lines;
            }
            lines.add(prefix + text.substring(start, nl));
            start = nl + 1;
        }
    }
}
