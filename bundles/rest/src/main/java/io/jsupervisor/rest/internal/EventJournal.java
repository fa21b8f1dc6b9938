package io.jsupervisor.rest.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * The recent events, numbered from 1 by one sequence, kept in two bounded rings: state changes, and
 * output (which is bigger and far more frequent, so it must not push state changes out). A reader asks
 * for everything after the last id it saw; {@link #gapAfter} tells when some of that was dropped.
 */
final class EventJournal {
    /** One event as it goes on the wire: {@code id:}, {@code event:}, one {@code data:} line. */
    record Entry(long id, String event, String data) {
    }

    /** A ring of entries in id order, bounded by count and by total data length. */
    private static final class Ring {
        private final Entry[] items;
        private final long maxChars;
        private int start;
        private int size;
        private long chars;
        long droppedUpTo; // highest id evicted

        Ring(int capacity, long maxChars) {
            this.items = new Entry[capacity];
            this.maxChars = maxChars;
        }

        void add(Entry e) {
            while (size > 0 && (size == items.length || chars + e.data().length() > maxChars)) {
                Entry old = items[start];
                items[start] = null;
                start = (start + 1) % items.length;
                size--;
                chars -= old.data().length();
                droppedUpTo = old.id();
            }
            items[(start + size) % items.length] = e;
            size++;
            chars += e.data().length();
        }

        Entry get(int i) {
            return items[(start + i) % items.length];
        }

        /** Index of the first entry with an id above {@code id}. */
        int firstAfter(long id) {
            int lo = 0;
            int hi = size;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (get(mid).id() <= id) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private final Ring states;
    private final Ring output;
    private long lastId;

    EventJournal(int capacity, long maxOutputChars) {
        this.states = new Ring(capacity, Long.MAX_VALUE);
        this.output = new Ring(capacity, maxOutputChars);
    }

    synchronized long appendState(String event, String data) {
        Entry e = new Entry(++lastId, event, data);
        states.add(e);
        return e.id();
    }

    synchronized long appendOutput(String event, String data) {
        Entry e = new Entry(++lastId, event, data);
        output.add(e);
        return e.id();
    }

    synchronized long lastId() {
        return lastId;
    }

    /** True when events after {@code id} that this reader would get were dropped (or the id is from the future). */
    synchronized boolean gapAfter(long id, boolean withOutput) {
        return id < states.droppedUpTo || (withOutput && id < output.droppedUpTo) || id > lastId;
    }

    /** Up to {@code max} entries after {@code id}, in id order; output entries only when asked. */
    synchronized List<Entry> after(long id, boolean withOutput, int max) {
        List<Entry> got = new ArrayList<>();
        int s = states.firstAfter(id);
        int o = withOutput ? output.firstAfter(id) : output.size;
        while (got.size() < max && (s < states.size || o < output.size)) {
            if (o >= output.size || (s < states.size && states.get(s).id() < output.get(o).id())) {
                got.add(states.get(s++));
            } else {
                got.add(output.get(o++));
            }
        }
        return got;
    }
}
