package io.jsupervisor.web.ui.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Server-sent events for open status pages: once a second, if anyone listens, takes one snapshot and
 * sends it to every listener whose last event differs; a comment line every 15 s otherwise, which also
 * finds clients that left. All writes happen on one timer thread.
 */
final class StatusBroadcaster implements AutoCloseable {
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(15);

    private final Supplier<String> snapshot;
    private final ScheduledExecutorService timer;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    /** One open event stream. Fields only touched on the timer thread. */
    private final class Listener implements AsyncListener {
        final AsyncContext async;
        String last;
        long lastWrite = System.nanoTime();

        Listener(AsyncContext async) {
            this.async = async;
        }

        @Override public void onComplete(AsyncEvent event) { listeners.remove(this); }
        @Override public void onTimeout(AsyncEvent event) { drop(this); }
        @Override public void onError(AsyncEvent event) { drop(this); }
        @Override public void onStartAsync(AsyncEvent event) { }
    }

    StatusBroadcaster(Supplier<String> snapshot, long periodMillis) {
        this.snapshot = snapshot;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jsupervisor-web-ui-events");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Starts a stream: the current snapshot goes out at once, later ones when they change. */
    void add(AsyncContext async) {
        Listener listener = new Listener(async);
        async.addListener(listener);
        listeners.add(listener);
        timer.execute(this::tick); // the new listener has no last event, so it gets one now
    }

    int listenerCount() {
        return listeners.size();
    }

    private void tick() {
        if (listeners.isEmpty()) {
            return;
        }
        String json = take();
        long now = System.nanoTime();
        for (Listener l : listeners) {
            if (json != null && !json.equals(l.last)) {
                send(l, json);
            } else if (now - l.lastWrite > KEEP_ALIVE_NANOS) {
                write(l, ": keep-alive\n\n");
            }
        }
    }

    /** The snapshot, or null when the manager refuses (shutting down): listeners then just wait. */
    private String take() {
        try {
            return snapshot.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void send(Listener l, String json) {
        // JSON from StatusJson has no raw newline, so one data line carries it
        if (write(l, "data: " + json + "\n\n")) {
            l.last = json;
        }
    }

    private boolean write(Listener l, String text) {
        try {
            ServletOutputStream out = l.async.getResponse().getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            l.lastWrite = System.nanoTime();
            return true;
        } catch (IOException | RuntimeException e) {
            drop(l); // the client left
            return false;
        }
    }

    private void drop(Listener l) {
        if (listeners.remove(l)) {
            try {
                l.async.complete();
            } catch (RuntimeException ignored) {
                // already completed by the container
            }
        }
    }

    /** Ends every stream (the browsers fall back to polling) and the timer. */
    @Override
    public void close() {
        timer.shutdownNow();
        for (Listener l : listeners) {
            drop(l);
        }
    }
}
