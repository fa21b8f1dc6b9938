package io.jsupervisor.example.hello.internal;

import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.api.SupervisorEventListener;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.osgi.service.component.annotations.Component;

/**
 * An in-JVM event listener: counts the events it receives, by type. Registering a SupervisorEventListener
 * service is all it takes; the core calls it from a delivery thread of its own.
 */
@Component(service = {SupervisorEventListener.class, EventCounter.class})
public final class EventCounter implements SupervisorEventListener {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    @Override
    public void onEvent(SupervisorEvent event) {
        counts.computeIfAbsent(event.type().name(), k -> new LongAdder()).increment();
    }

    /** Events received so far, by type name, sorted. */
    public Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((type, n) -> out.put(type, n.intValue()));
        return out;
    }
}
