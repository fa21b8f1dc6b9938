package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessState;
import java.util.Locale;

/** How a state looks on the status page: the reference's lower-case name and CSS class. */
final class StateStyle {
    private StateStyle() {
    }

    static String cssClass(ProcessState state) {
        return switch (state) {
            case RUNNING -> "statusrunning";
            case FATAL, BACKOFF -> "statuserror";
            default -> "statusnominal";
        };
    }

    static String label(ProcessState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
