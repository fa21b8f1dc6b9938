package io.jsupervisor.itests.events.thirdparty;

import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.api.SupervisorEventListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * A third-party whiteboard listener, packed into a bundle of its own by {@code ThirdPartyBundles}: a DS
 * component (declared in hand-written XML, so the bundle needs nothing but {@code io.jsupervisor.api}) that
 * appends one line per typed event to the file named by its {@code record} property:
 * {@code TYPE payload}, newlines in the payload written as {@code \n}.
 */
public final class TypedEventRecorder implements SupervisorEventListener {
    private volatile Path record;

    public void activate(Map<String, Object> properties) {
        record = Path.of((String) properties.get("record"));
    }

    @Override
    public void onEvent(SupervisorEvent event) {
        String line = event.type().name() + " " + event.payload().replace("\n", "\\n") + "\n";
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
