package io.jsupervisor.events.internal;

import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.events.SupervisorEventTopics;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.service.event.Event;

/** Turns a Supervisor event into the OSGi event posted for it (see {@link SupervisorEventTopics}). */
final class EventAdminMessages {
    private EventAdminMessages() {
    }

    static Event toOsgiEvent(SupervisorEvent event) {
        Map<String, Object> properties = new LinkedHashMap<>(event.headers());
        if (event.body() != null) {
            properties.put(SupervisorEventTopics.BODY, event.body());
        }
        return new Event(SupervisorEventTopics.topicOf(event.type().name()), properties);
    }
}
