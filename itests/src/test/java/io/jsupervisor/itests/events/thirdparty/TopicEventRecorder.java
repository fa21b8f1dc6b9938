package io.jsupervisor.itests.events.thirdparty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.TreeMap;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;

/**
 * A third-party Event Admin handler, packed into a bundle of its own that imports only
 * {@code org.osgi.service.event}: subscribed (in its DS XML) to {@code io/jsupervisor/event/*}, it appends
 * {@code topic key=value ...} (keys sorted, newlines as {@code \n}) to the file named by its {@code record}
 * property.
 */
public final class TopicEventRecorder implements EventHandler {
    private volatile Path record;

    public void activate(Map<String, Object> properties) {
        record = Path.of((String) properties.get("record"));
    }

    @Override
    public void handleEvent(Event event) {
        Map<String, Object> properties = new TreeMap<>();
        for (String name : event.getPropertyNames()) {
            if (!name.equals("event.topics")) {
                properties.put(name, event.getProperty(name));
            }
        }
        StringBuilder line = new StringBuilder(event.getTopic());
        properties.forEach((k, v) -> line.append(' ').append(k).append('=')
                .append(String.valueOf(v).replace("\n", "\\n")));
        line.append('\n');
        synchronized (this) {
            try {
                Files.writeString(record, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
