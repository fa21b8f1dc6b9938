package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessState;
import java.util.List;
import java.util.Optional;

/** The per-process buttons of the status page, with the form value the reference uses for each. */
enum ProcessAction {
    START("start", "Start"),
    RESTART("restart", "Restart"),
    STOP("stop", "Stop"),
    CLEARLOG("clearlog", "Clear Log");

    private final String param;
    private final String label;

    ProcessAction(String param, String label) {
        this.param = param;
        this.label = label;
    }

    String param() {
        return param;
    }

    String label() {
        return label;
    }

    /** The reference's choice: RUNNING can restart/stop, STOPPED/EXITED/FATAL can start, every state can clear its log. */
    static List<ProcessAction> forState(ProcessState state) {
        return switch (state) {
            case RUNNING -> List.of(RESTART, STOP, CLEARLOG);
            case STOPPED, EXITED, FATAL -> List.of(START, CLEARLOG);
            default -> List.of(CLEARLOG);
        };
    }

    static Optional<ProcessAction> ofParam(String param) {
        for (ProcessAction a : values()) {
            if (a.param.equals(param)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
