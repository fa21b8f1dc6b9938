package io.jsupervisor.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives every child's output (whiteboard: register as a service). The core calls it from one
 * delivery thread per sink, in order; output produced while no sink is registered waits in the core's
 * bounded buffer and is delivered when one arrives.
 */
@ConsumerType
public interface OutputSink {
    void write(OutputChunk chunk);

    /**
     * The log file of a process channel was created (group added): create it now, as the reference does
     * for AUTO logs. Default: nothing.
     */
    default void created(LogFileSpec logFile) {
    }
}
