package io.jsupervisor.example.hello.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.SupervisorEvent;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HelloTest {
    @Test
    void greetsByNameOrTheWorld() {
        assertEquals("Hello, Ada!", Greeting.of("  Ada "));
        assertEquals("Hello, world!", Greeting.of(""));
        assertEquals("Hello, world!", Greeting.of(null));
    }

    @Test
    void countsEventsByType() {
        EventCounter counter = new EventCounter();
        counter.onEvent(new SupervisorEvent(EventType.TICK_5, Map.of("when", "5"), null));
        counter.onEvent(new SupervisorEvent(EventType.TICK_5, Map.of("when", "10"), null));
        counter.onEvent(new SupervisorEvent(EventType.PROCESS_STATE_RUNNING, Map.of(), null));
        assertEquals(Map.of("PROCESS_STATE_RUNNING", 1, "TICK_5", 2), counter.counts());
        assertEquals("Hello, world!", new HelloCommands(counter).greet());
        assertEquals("PROCESS_STATE_RUNNING 1\nTICK_5 2", new HelloCommands(counter).events());
    }

    @Test
    void thePanelEscapesTheName() {
        assertEquals("Hello, &lt;b&gt;!", HelloPanel.escape(Greeting.of("<b>")));
    }
}
