package io.jsupervisor.events.internal;

import java.util.function.Supplier;
import org.osgi.service.log.Logger;

/**
 * Sends the pools' messages to the OSGi Log Service (the logging bundle copies it into the main log),
 * whenever a Logger is bound; drops them while none is.
 */
final class LoggerPoolLog implements PoolLog {
    private final Supplier<Logger> logger;

    LoggerPoolLog(Supplier<Logger> logger) {
        this.logger = logger;
    }

    @Override
    public void debug(String message) {
        Logger l = logger.get();
        if (l != null) {
            l.debug(message);
        }
    }

    @Override
    public void warn(String message) {
        Logger l = logger.get();
        if (l != null) {
            l.warn(message);
        }
    }

    @Override
    public void error(String message) {
        Logger l = logger.get();
        if (l != null) {
            l.error(message);
        }
    }
}
