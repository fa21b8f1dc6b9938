package io.jsupervisor.core.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * A bounded in-core buffer that hands every item, in order, to each subscriber on a delivery thread of
 * its own. Shared by child output, the main log and events.
 *
 * <p>Subscribers are known by a stable key (a DS component name), so a subscriber that leaves and comes
 * back (a bundle update) resumes exactly where it left: its cursor is parked and what it has not taken is
 * kept for it. Items are also kept for a short replay window after every present subscriber has taken
 * them, so a subscriber that arrives late at start-up (the log files' sink after the events bundle) still
 * gets the first output. Items published while nobody subscribes wait for the first subscriber (when
 * retaining). When the total weight passes the bound, the oldest items are dropped; those some known
 * subscriber had not taken yet are counted and reported through {@code onDrop}.
 */
final class FanOut<T> {
    /** Told how many items were dropped; called with the buffer's lock released. */
    interface DropListener {
        void dropped(long items, long weight);
    }

    private final String name;
    private final long maxWeight;
    private final ToLongFunction<T> weigher;
    private final DropListener onDrop;
    private final boolean retainWithoutSubscribers;
    private final long replayNanos;
    /** Start-up lasts at most until then (the first replay window after creation)... */
    private final long startupUntil;
    /** ...and ends earlier once no subscriber has arrived for {@link #SETTLE_NANOS}: the sinks are all there. */
    private long lastArrival = System.nanoTime();
    static final long SETTLE_NANOS = TimeUnit.SECONDS.toNanos(5);
    private final List<Entry<T>> items = new ArrayList<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    /**
     * Cursors of subscribers that left, by key: what they have not taken is kept until they return, or until
     * {@link #PARK_NANOS} pass (a bundle uninstalled for good must not pin the buffer forever).
     */
    private final Map<String, Parked> parked = new HashMap<>();
    private int start;          // index in items of the entry with sequence headSeq
    private long headSeq;       // sequence of the oldest retained item
    private long nextSeq;       // sequence the next published item gets
    private long weight;
    private long droppedItems;
    private boolean closed;

    private record Entry<T>(T item, long time) {
    }

    private record Parked(long cursor, long since) {
    }

    static final long PARK_NANOS = TimeUnit.MINUTES.toNanos(10);
    /**
     * After the start-up window, taken items are kept for replay only while the buffer holds less than 1/64 of its
     * bound (1 MiB of output).
     */
    static final long REPLAY_SHARE = 64;

    FanOut(String name, long maxWeight, ToLongFunction<T> weigher, DropListener onDrop,
           boolean retainWithoutSubscribers) {
        this(name, maxWeight, weigher, onDrop, retainWithoutSubscribers, 0);
    }

    /** @param replayMillis how long taken items stay for a subscriber that is new (0: not at all) */
    FanOut(String name, long maxWeight, ToLongFunction<T> weigher, DropListener onDrop,
           boolean retainWithoutSubscribers, long replayMillis) {
        this(name, maxWeight, weigher, onDrop, retainWithoutSubscribers, replayMillis, replayMillis);
    }

    /** @param startupMillis how long after creation replay may use the whole bound */
    FanOut(String name, long maxWeight, ToLongFunction<T> weigher, DropListener onDrop,
           boolean retainWithoutSubscribers, long replayMillis, long startupMillis) {
        this.name = name;
        this.replayNanos = TimeUnit.MILLISECONDS.toNanos(replayMillis);
        this.startupUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(startupMillis);
        this.retainWithoutSubscribers = retainWithoutSubscribers;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
        this.onDrop = onDrop;
    }

    void publish(T item) {
        long droppedNow = 0;
        long droppedWeight = 0;
        synchronized (this) {
            if (closed || (subscribers.isEmpty() && parked.isEmpty() && !retainWithoutSubscribers)) {
                return;
            }
            items.add(new Entry<>(item, System.nanoTime()));
            nextSeq++;
            weight += weigher.applyAsLong(item);
            long floor = knownFloor();
            while (weight > maxWeight && nextSeq - headSeq > 1) {
                boolean untaken = headSeq >= floor;
                long w = weigher.applyAsLong(removeHead());
                weight -= w;
                if (untaken) {
                    droppedWeight += w;
                    droppedNow++;
                }
            }
            droppedItems += droppedNow;
            trim();
            notifyAll();
        }
        if (droppedNow > 0 && onDrop != null) {
            onDrop.dropped(droppedNow, droppedWeight);
        }
    }

    /**
     * Back-pressure for producers that may wait (the pipe readers, never the engine): while adding
     * {@code incoming} would pass the bound and a present subscriber has not taken the oldest item yet, waits
     * for it to catch up, at most {@code timeoutNanos}. A child writing faster than a sink takes its output is
     * so slowed down at its pipe, as the reference's single loop slows it, instead of losing its oldest lines;
     * only a sink stuck for longer than the timeout makes the bound drop items (counted and reported).
     */
    void awaitRoom(long incoming, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (this) {
            while (!closed && weight + incoming > maxWeight && mustWait()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    /**
     * A present subscriber has not taken the oldest item; or sinks are still arriving (start-up): then the
     * oldest item may be one a sink on its way needs, such as the first lines of a busy child for the log
     * files' sink, which activates after the events bundle's.
     */
    private boolean mustWait() {
        if (retainWithoutSubscribers && startingUp(System.nanoTime())) {
            return true;
        }
        return !subscribers.isEmpty() && minCursor() <= headSeq;
    }

    /**
     * While sinks are still arriving after creation: taken items stay up to the whole bound for the late ones
     * (the log files' sink comes after the events bundle's, and must get a busy child's first output). Ends
     * {@link #SETTLE_NANOS} after the last arrival, so that a steady flow is not kept alive for the collector to
     * copy for the whole window.
     */
    private boolean startingUp(long now) {
        return now - startupUntil < 0 && now - lastArrival < SETTLE_NANOS;
    }

    /** Items dropped so far because the bound was hit. */
    synchronized long dropped() {
        return droppedItems;
    }

    /** Items currently held. */
    synchronized int size() {
        return (int) (nextSeq - headSeq);
    }

    /**
     * Starts delivering to {@code consumer}: where the subscriber known as {@code key} left off, or, for a
     * new key, from the oldest retained item.
     *
     * @return what ends this subscription; items it has not taken stay for it until it comes back
     */
    synchronized Runnable subscribe(Consumer<T> consumer, String key) {
        lastArrival = System.nanoTime();
        Parked resume = parked.remove(key);
        Subscriber s = new Subscriber(consumer, key, resume == null ? headSeq : Math.max(resume.cursor(), headSeq));
        subscribers.add(s);
        Thread t = new Thread(null, s::run, name + "-" + key, 256 * 1024);
        t.setDaemon(true);
        s.thread = t;
        t.start();
        return () -> unsubscribe(s);
    }

    private void unsubscribe(Subscriber s) {
        Thread t;
        synchronized (this) {
            if (!subscribers.remove(s)) {
                return;
            }
            s.stopped = true;
            if (!closed) {
                parked.put(s.key, new Parked(s.cursor, System.nanoTime()));
            }
            t = s.thread;
            notifyAll();
            trim();
        }
        if (t != Thread.currentThread()) {
            t.interrupt();
        }
    }

    /** Waits (bounded) until every subscriber has taken every item. */
    boolean drain(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        synchronized (this) {
            while (!subscribers.isEmpty() && minCursor() < nextSeq) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }
    }

    void close() {
        List<Thread> threads = new ArrayList<>();
        synchronized (this) {
            closed = true;
            for (Subscriber s : subscribers) {
                s.stopped = true;
                threads.add(s.thread);
            }
            subscribers.clear();
            parked.clear();
            notifyAll();
        }
        threads.forEach(Thread::interrupt);
    }

    private T removeHead() {
        T item = items.set(start, null).item();
        start++;
        headSeq++;
        if (start > 1024 && start > items.size() / 2) {
            items.subList(0, start).clear();
            start = 0;
        }
        return item;
    }

    private long minCursor() {
        long min = Long.MAX_VALUE;
        for (Subscriber s : subscribers) {
            min = Math.min(min, s.cursor);
        }
        return min;
    }

    /** The oldest item some present or parked subscriber has not taken; headSeq when nobody is known. */
    private long knownFloor() {
        if (subscribers.isEmpty() && parked.isEmpty()) {
            return retainWithoutSubscribers ? headSeq : nextSeq;
        }
        long min = minCursor();
        for (Parked p : parked.values()) {
            min = Math.min(min, p.cursor());
        }
        return min;
    }

    /**
     * Forgets items every known subscriber has taken, once they are older than the replay window or the buffer
     * holds more than {@link #REPLAY_SHARE} of its bound: replay serves a sink that arrives late at start-up, and
     * must not keep a busy child's output alive long enough to make every young collection copy it.
     */
    private void trim() {
        long now = System.nanoTime();
        parked.values().removeIf(p -> now - p.since() > PARK_NANOS);
        long floor = knownFloor();
        // at start-up the sinks arrive one by one: the whole bound serves the late ones (the log files' sink
        // must get a busy child's first output); later a sink that comes is a new one and needs little
        long replayBudget = startingUp(now) ? maxWeight : maxWeight / REPLAY_SHARE;
        while (headSeq < floor && headSeq < nextSeq
                && (weight > replayBudget || now - items.get(start).time() >= replayNanos)) {
            weight -= weigher.applyAsLong(removeHead());
        }
    }

    private final class Subscriber {
        private final Consumer<T> consumer;
        private final String key;
        private long cursor;
        private volatile boolean stopped;
        private Thread thread;

        Subscriber(Consumer<T> consumer, String key, long cursor) {
            this.consumer = consumer;
            this.key = key;
            this.cursor = cursor;
        }

        void run() {
            while (true) {
                T item;
                synchronized (FanOut.this) {
                    while (!stopped && cursor >= nextSeq) {
                        try {
                            FanOut.this.wait();
                        } catch (InterruptedException e) {
                            if (stopped) {
                                return;
                            }
                        }
                    }
                    if (stopped) {
                        return;
                    }
                    if (cursor < headSeq) {
                        cursor = headSeq; // what we missed was dropped for the bound
                    }
                    item = items.get(start + (int) (cursor - headSeq)).item();
                }
                try {
                    consumer.accept(item);
                } catch (RuntimeException | LinkageError e) {
                    // a failing consumer must not stop delivery to itself or anyone else
                }
                synchronized (FanOut.this) {
                    cursor++;
                    trim();
                    FanOut.this.notifyAll();
                }
            }
        }
    }
}
