package io.jsupervisor.core.internal;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.ToLongFunction;

/**
 * Delivers items of one kind to a changing set of services (sinks, listeners), each on its own thread,
 * through one bounded {@link FanOut}.
 */
final class Whiteboard<S, T> {
    private final FanOut<T> fanOut;
    private final BiConsumer<S, T> deliver;
    private final String kind;
    private final Map<S, Runnable> handles = new IdentityHashMap<>();

    /**
     * @param replayMillis how long delivered items stay for a service that arrives later (see {@link FanOut})
     */
    Whiteboard(String kind, long maxWeight, ToLongFunction<T> weigher, FanOut.DropListener onDrop,
               boolean retainWithoutServices, long replayMillis, BiConsumer<S, T> deliver) {
        this.kind = kind;
        this.fanOut = new FanOut<>(kind, maxWeight, weigher, onDrop, retainWithoutServices, replayMillis);
        this.deliver = deliver;
    }

    void publish(T item) {
        fanOut.publish(item);
    }

    /** See {@link FanOut#awaitRoom}. */
    void awaitRoom(long incoming, long timeoutNanos) throws InterruptedException {
        fanOut.awaitRoom(incoming, timeoutNanos);
    }

    /**
     * @param key what stays the same when the service comes back (its component name), so that it resumes
     *            where it left
     */
    synchronized void add(S service, String key) {
        if (!handles.containsKey(service)) {
            handles.put(service, fanOut.subscribe(item -> deliver.accept(service, item), key));
        }
    }

    /** The stable key of a whiteboard service: its component name, else its PID, else its class. */
    static String keyOf(Object service, java.util.Map<String, ?> properties) {
        for (String k : new String[] {"component.name", "service.pid"}) {
            Object v = properties.get(k);
            if (v != null) {
                return v.toString();
            }
        }
        return service.getClass().getName();
    }

    synchronized void remove(S service) {
        Runnable unsubscribe = handles.remove(service);
        if (unsubscribe != null) {
            unsubscribe.run();
        }
    }

    synchronized boolean isEmpty() {
        return handles.isEmpty();
    }

    long dropped() {
        return fanOut.dropped();
    }

    int pending() {
        return fanOut.size();
    }

    /** Waits a bounded time for every service to have everything. */
    void drain(long millis) {
        try {
            fanOut.drain(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void close() {
        fanOut.close();
    }

    @Override
    public String toString() {
        return kind;
    }
}
