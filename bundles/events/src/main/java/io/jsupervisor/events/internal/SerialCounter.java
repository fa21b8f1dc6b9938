package io.jsupervisor.events.internal;

/** The reference's {@code new_serial}: 0, 1, 2… wrapping back to 0 after Python's maxint. */
final class SerialCounter {
    private long last = -1;

    long next() {
        last = last == Long.MAX_VALUE ? 0 : last + 1;
        return last;
    }

    /** The last number given, -1 before the first. */
    long last() {
        return last;
    }

    /** Goes on from {@code last} (a predecessor's counter, handed over). */
    void continueFrom(long last) {
        this.last = last;
    }
}
