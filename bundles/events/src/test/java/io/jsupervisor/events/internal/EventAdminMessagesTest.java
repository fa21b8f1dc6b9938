package io.jsupervisor.events.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.jsupervisor.api.ProcessState;
import io.jsupervisor.events.SupervisorEventTopics;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

class EventAdminMessagesTest {
    @Test
    void stateEventIsPostedOnItsTypeTopicWithItsHeadersAndNoBody() {
        Event event = EventAdminMessages.toOsgiEvent(
                Events.state("web", "web_01", ProcessState.STARTING, ProcessState.RUNNING));
        assertEquals("io/jsupervisor/event/PROCESS_STATE_RUNNING", event.getTopic());
        assertEquals("web_01", event.getProperty(SupervisorEventTopics.PROCESS_NAME));
        assertEquals("web", event.getProperty(SupervisorEventTopics.GROUP_NAME));
        assertEquals("STARTING", event.getProperty(SupervisorEventTopics.FROM_STATE));
        assertEquals("4242", event.getProperty(SupervisorEventTopics.PID));
        assertFalse(event.containsProperty(SupervisorEventTopics.BODY));
    }

    @Test
    void remoteCommunicationCarriesItsDataAsBody() {
        Event event = EventAdminMessages.toOsgiEvent(Events.remote("mytype", "some data\nline2"));
        assertEquals("io/jsupervisor/event/REMOTE_COMMUNICATION", event.getTopic());
        assertEquals("mytype", event.getProperty(SupervisorEventTopics.TYPE));
        assertEquals("some data\nline2", event.getProperty(SupervisorEventTopics.BODY));
    }
}
