package io.jsupervisor.core.internal;

/** Counts what a bounded buffer dropped and says so in the main log, at most every 10 seconds. */
final class DropReporter implements FanOut.DropListener {
    private static final long EVERY_NANOS = 10_000_000_000L;

    private final MainLog mainLog;
    private final String format;
    private long items;
    private long bytes;
    private long lastReport = System.nanoTime() - EVERY_NANOS;

    DropReporter(MainLog mainLog, String format) {
        this.mainLog = mainLog;
        this.format = format;
    }

    @Override
    public void dropped(long n, long weight) {
        String message = null;
        synchronized (this) {
            items += n;
            bytes += weight;
            long now = System.nanoTime();
            if (now - lastReport >= EVERY_NANOS) {
                lastReport = now;
                message = String.format(format, items, bytes);
            }
        }
        if (message != null) {
            mainLog.warn(message);
        }
    }
}
