package io.jsupervisor.rest.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends the journal to open event streams. No thread per client: each stream is an async request with
 * a cursor (the last id it got); one writer thread, woken when something is appended, brings every
 * stream up to date, and writes a comment line to idle streams every 15 s (which also finds clients
 * that left).
 */
final class EventStream implements AutoCloseable {
    private static final long KEEP_ALIVE_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final int BATCH = 1000;
    /** Output is kept this long after the last log-following client left, for it to reconnect. */
    static final long OUTPUT_INTEREST_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final EventJournal journal;
    private final ScheduledExecutorService writer;
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    /** nanoTime until which output is journaled although no log-following client is connected. */
    private volatile long outputWantedUntil = System.nanoTime();

    /** One open stream; fields other than {@code async} only touched on the writer thread. */
    private final class Client implements AsyncListener {
        final AsyncContext async;
        final boolean withOutput;
        long cursor;
        long lastWrite = System.nanoTime();

        Client(AsyncContext async, boolean withOutput, long cursor) {
            this.async = async;
            this.withOutput = withOutput;
            this.cursor = cursor;
        }

        @Override public void onComplete(AsyncEvent event) { left(this); }
        @Override public void onTimeout(AsyncEvent event) { drop(this); }
        @Override public void onError(AsyncEvent event) { drop(this); }
        @Override public void onStartAsync(AsyncEvent event) { }
    }

    EventStream(EventJournal journal) {
        this.journal = journal;
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "jsupervisor-rest-events");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::keepAlive, 5, 5, TimeUnit.SECONDS);
    }

    /**
     * Starts a stream after {@code lastId} ({@code -1}: from now on). A reconnecting client whose events
     * were partly dropped first gets an {@code event: gap}, then what is still there.
     */
    void add(AsyncContext async, long lastId, boolean withOutput) {
        long cursor = lastId < 0 ? journal.lastId() : lastId;
        StringBuilder first = new StringBuilder("retry: 2000\n\n");
        if (lastId >= 0 && journal.gapAfter(lastId, withOutput)) {
            first.append("event: gap\ndata: {\"last_event_id\":").append(lastId).append("}\n\n");
            if (lastId > journal.lastId()) {
                cursor = 0; // an id from before a daemon restart: everything kept is new to this client
            }
        }
        Client c = new Client(async, withOutput, cursor);
        if (withOutput) {
            outputWantedUntil = System.nanoTime() + OUTPUT_INTEREST_NANOS;
        }
        async.addListener(c);
        String hello = first.toString();
        try {
            writer.execute(() -> {
                if (write(c, hello)) {
                    clients.add(c);
                    catchUp(c);
                }
            });
        } catch (RejectedExecutionException e) {
            drop(c); // closed meanwhile
        }
    }

    /** Something was appended: one flush queued, however many appends come before it runs. */
    void wake() {
        if (flushQueued.compareAndSet(false, true)) {
            try {
                writer.execute(this::flush);
            } catch (RuntimeException e) {
                flushQueued.set(false); // closed
            }
        }
    }

    /**
     * Whether child output should be journaled: only while a client follows logs ({@code ?logs=true}) or one
     * did within {@link #OUTPUT_INTEREST_NANOS}, so that a busy child's output costs nothing when nobody reads it.
     */
    boolean wantsOutput() {
        if (System.nanoTime() - outputWantedUntil < 0) {
            return true;
        }
        for (Client c : clients) {
            if (c.withOutput) {
                return true;
            }
        }
        return false;
    }

    private void left(Client c) {
        clients.remove(c);
        if (c.withOutput) {
            outputWantedUntil = System.nanoTime() + OUTPUT_INTEREST_NANOS;
        }
    }

    int clientCount() {
        return clients.size();
    }

    private void flush() {
        flushQueued.set(false);
        for (Client c : clients) {
            catchUp(c);
        }
    }

    private void catchUp(Client c) {
        while (true) {
            List<EventJournal.Entry> batch = journal.after(c.cursor, c.withOutput, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            StringBuilder out = new StringBuilder();
            for (EventJournal.Entry e : batch) {
                out.append("id: ").append(e.id()).append("\nevent: ").append(e.event())
                        .append("\ndata: ").append(e.data()).append("\n\n");
            }
            if (!write(c, out.toString())) {
                return;
            }
            c.cursor = batch.get(batch.size() - 1).id();
        }
    }

    private void keepAlive() {
        long now = System.nanoTime();
        for (Client c : clients) {
            if (now - c.lastWrite > KEEP_ALIVE_NANOS) {
                write(c, ": keep-alive\n\n");
            }
        }
    }

    private boolean write(Client c, String text) {
        try {
            ServletOutputStream out = c.async.getResponse().getOutputStream();
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
            c.lastWrite = System.nanoTime();
            return true;
        } catch (IOException | RuntimeException e) {
            drop(c);
            return false;
        }
    }

    private void drop(Client c) {
        left(c);
        try {
            c.async.complete();
        } catch (RuntimeException ignored) {
            // already completed by the container
        }
    }

    /** Ends every stream (clients reconnect with their Last-Event-ID) and the writer. */
    @Override
    public void close() {
        writer.shutdownNow();
        try {
            writer.awaitTermination(5, TimeUnit.SECONDS); // a stream being added finishes first, then is ended below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Client c : clients) {
            drop(c);
        }
    }
}
