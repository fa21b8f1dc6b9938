package io.jsupervisor.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives every event in the order emitted (whiteboard). Called from a delivery thread of its own: a
 * slow or throwing listener never delays the engine or other listeners.
 */
@ConsumerType
public interface SupervisorEventListener {
    void onEvent(SupervisorEvent event);
}
