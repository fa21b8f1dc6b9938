package io.jsupervisor.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * A bounded in-core buffer that hands every item, in order, to each subscriber on a delivery thread of
 * its own. Items published while nobody subscribes wait in the buffer and go to the next subscriber.
 * When the total weight passes the bound, the oldest items are dropped (counted, reported once per
 * drop run through {@code onDrop}). Shared by child output, the main log and events.
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
    private final List<T> items = new ArrayList<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private int start;          // index in items of the entry with sequence headSeq
    private long headSeq;       // sequence of the oldest retained item
    private long nextSeq;       // sequence the next published item gets
    private long weight;
    private long droppedItems;
    private boolean closed;

    FanOut(String name, long maxWeight, ToLongFunction<T> weigher, DropListener onDrop,
           boolean retainWithoutSubscribers) {
        this.name = name;
        this.retainWithoutSubscribers = retainWithoutSubscribers;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
        this.onDrop = onDrop;
    }

    void publish(T item) {
        long droppedNow = 0;
        long droppedWeight = 0;
        synchronized (this) {
            if (closed || (subscribers.isEmpty() && !retainWithoutSubscribers)) {
                return;
            }
            items.add(item);
            nextSeq++;
            weight += weigher.applyAsLong(item);
            while (weight > maxWeight && nextSeq - headSeq > 1) {
                long w = weigher.applyAsLong(removeHead());
                weight -= w;
                droppedWeight += w;
                droppedNow++;
            }
            droppedItems += droppedNow;
            notifyAll();
        }
        if (droppedNow > 0 && onDrop != null) {
            onDrop.dropped(droppedNow, droppedWeight);
        }
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
     * Starts delivering to {@code consumer} from the oldest retained item.
     *
     * @return what ends this subscription; items it has not taken stay for the others (or the next)
     */
    synchronized Runnable subscribe(Consumer<T> consumer, String threadName) {
        Subscriber s = new Subscriber(consumer, headSeq);
        subscribers.add(s);
        Thread t = new Thread(null, s::run, name + "-" + threadName, 256 * 1024);
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
            notifyAll();
        }
        threads.forEach(Thread::interrupt);
    }

    private T removeHead() {
        T item = items.set(start, null);
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

    /** Forgets the items every subscriber has taken (kept while there is no subscriber). */
    private void trim() {
        if (subscribers.isEmpty()) {
            return;
        }
        long min = minCursor();
        while (headSeq < min && headSeq < nextSeq) {
            weight -= weigher.applyAsLong(removeHead());
        }
    }

    private final class Subscriber {
        private final Consumer<T> consumer;
        private long cursor;
        private volatile boolean stopped;
        private Thread thread;

        Subscriber(Consumer<T> consumer, long cursor) {
            this.consumer = consumer;
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
                    item = items.get(start + (int) (cursor - headSeq));
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
