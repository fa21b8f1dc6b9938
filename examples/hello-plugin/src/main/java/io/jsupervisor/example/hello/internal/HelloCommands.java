package io.jsupervisor.example.hello.internal;

import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Gogo commands {@code hello:greet [name]} and {@code hello:events}, beside the {@code supervisor:} ones. */
@Component(service = HelloCommands.class)
@GogoCommand(scope = "hello", function = {"greet", "events"})
public final class HelloCommands {
    private final EventCounter events;

    @Activate
    public HelloCommands(@Reference EventCounter events) {
        this.events = events;
    }

    @Descriptor("greets someone")
    public String greet(@Descriptor("who to greet") String... who) {
        return Greeting.of(String.join(" ", who));
    }

    @Descriptor("the events this plugin has received, by type")
    public String events() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, Integer> e : events.counts().entrySet()) {
            b.append(e.getKey()).append(' ').append(e.getValue()).append('\n');
        }
        return b.toString().strip();
    }
}
