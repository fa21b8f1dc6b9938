package io.jsupervisor.ctl.client.internal;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while a command follows a log: the reference catches KeyboardInterrupt there, prints an empty line
 * and carries on (exit status unchanged), so SIGINT must not simply end the JVM with 130.
 */
public final class CtrlC implements AutoCloseable {
    private final SignalHandler previous;

    private CtrlC(Runnable action) {
        previous = Signal.handle(new Signal("INT"), signal -> action.run());
    }

    /** Runs {@code action} on SIGINT until closed. */
    public static CtrlC onInterrupt(Runnable action) {
        return new CtrlC(action);
    }

    @Override
    public void close() {
        Signal.handle(new Signal("INT"), previous);
    }
}
