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

    Whiteboard(String kind, long maxWeight, ToLongFunction<T> weigher, FanOut.DropListener onDrop,
               boolean retainWithoutServices, BiConsumer<S, T> deliver) {
        this.kind = kind;
        this.fanOut = new FanOut<>(kind, maxWeight, weigher, onDrop, retainWithoutServices);
        this.deliver = deliver;
    }

    void publish(T item) {
        fanOut.publish(item);
    }

    synchronized void add(S service) {
        if (!handles.containsKey(service)) {
            handles.put(service, fanOut.subscribe(item -> deliver.accept(service, item),
                    service.getClass().getSimpleName()));
        }
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
