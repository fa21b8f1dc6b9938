package io.jsupervisor.events.internal;

/** The reference's {@code new_serial}: 0, 1, 2… wrapping back to 0 after Python's maxint. */
final class SerialCounter {
    private long last = -1;

    long next() {
        last = last == Long.MAX_VALUE ? 0 : last + 1;
        return last;
    }
}
