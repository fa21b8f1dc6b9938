package io.jsupervisor.logging.internal;

import io.jsupervisor.api.LogFileSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The open log files, by path as given (never normalized). Each file has its own lock, so writes,
 * rotation, reads and clears of one file never interleave, while different files do not wait on each
 * other. Write failures never escape: the bytes are dropped, counted and reported once.
 *
 * <p>Files not written for {@link #IDLE_NANOS} are closed (the next write reopens them), so files of
 * removed groups, whose AUTO names change at every add, do not hold descriptors forever.
 */
final class LogFiles {
    /** Callback run under a file's lock. */
    interface Locked<T> {
        T run() throws IOException;
    }

    static final long IDLE_NANOS = 5 * 60_000_000_000L;
    private static final long SWEEP_EVERY_NANOS = 60_000_000_000L;

    private static final class Slot {
        final LogFile file;
        boolean failing;
        long dropped;
        long lastUse;

        Slot(Path path) {
            file = new LogFile(path);
        }
    }

    private final Map<Path, Slot> slots = new ConcurrentHashMap<>();
    private final WriteTrouble trouble;
    private final LongSupplier nanos;
    private final AtomicLong nextSweep;
    private volatile boolean closed;

    LogFiles(WriteTrouble trouble, LongSupplier nanos) {
        this.trouble = trouble;
        this.nanos = nanos;
        this.nextSweep = new AtomicLong(nanos.getAsLong() + SWEEP_EVERY_NANOS);
    }

    /** Appends {@code data} to the file and rotates it as its spec says. */
    void write(LogFileSpec spec, byte[] data) {
        Slot slot = slot(spec.path());
        long now = nanos.getAsLong();
        synchronized (slot) {
            slot.lastUse = now;
            slot.file.rule(spec.maxbytes(), spec.backups());
            ByteBuffer buffer = ByteBuffer.wrap(data);
            try {
                slot.file.write(buffer);
                succeeded(slot);
            } catch (IOException e) {
                failed(slot, e, buffer.remaining());
            }
            closeIfShutDown(slot);
        }
        sweepIfDue(now);
    }

    /** Creates the file if missing (the reference creates AUTO logs when a group is added). */
    void create(LogFileSpec spec) {
        Slot slot = slot(spec.path());
        synchronized (slot) {
            try {
                if (!slot.file.isOpen()) {
                    slot.file.openForAppend();
                    slot.file.close(); // keep no descriptor for a process that may never run
                }
                succeeded(slot);
            } catch (IOException e) {
                failed(slot, e, 0);
            }
        }
    }

    /** Deletes the file and opens it again, empty (the reference's removelogs); backups stay. */
    void clear(Path path) throws IOException {
        Slot slot = slot(path);
        synchronized (slot) {
            slot.file.delete();
            slot.file.openForAppend();
            succeeded(slot);
            closeIfShutDown(slot);
        }
    }

    /** Rotates the file now (an extra of ours, see {@link LogFile#rotateNow}); failures are thrown, not reported. */
    void rotate(LogFileSpec spec) throws IOException {
        Slot slot = slot(spec.path());
        synchronized (slot) {
            slot.file.rule(spec.maxbytes(), spec.backups());
            slot.file.rotateNow();
            succeeded(slot);
            closeIfShutDown(slot);
        }
    }

    /** Whether the file's last byte is not a newline (an empty or missing file is at a line start). */
    boolean endsMidLine(Path path) {
        try {
            return locked(path, () -> {
                try (java.nio.channels.FileChannel c = java.nio.channels.FileChannel.open(path)) {
                    long size = c.size();
                    if (size == 0) {
                        return false;
                    }
                    ByteBuffer last = ByteBuffer.allocate(1);
                    c.read(last, size - 1);
                    return last.get(0) != '\n';
                }
            });
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs {@code action} under the file's lock, so it never sees a write or rotation half done. */
    <T> T locked(Path path, Locked<T> action) throws IOException {
        Slot slot = slots.get(path);
        if (slot == null) {
            return action.run();
        }
        synchronized (slot) {
            return action.run();
        }
    }

    /** Closes and reopens every open file (for logrotate, the reference's SIGUSR2). */
    void reopenAll() {
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                if (slot.file.isOpen()) {
                    try {
                        slot.file.openForAppend();
                        succeeded(slot);
                    } catch (IOException e) {
                        failed(slot, e, 0);
                    }
                }
            }
        }
    }

    /** Closes one file; the next write reopens it. */
    void close(Path path) {
        Slot slot = slots.get(path);
        if (slot != null) {
            synchronized (slot) {
                slot.file.close();
            }
        }
    }

    /** Closes every file; anything written later is written and closed at once (a late call during shutdown). */
    void closeAll() {
        closed = true;
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                slot.file.close();
            }
        }
    }

    /** Closes idle files; run by one writer at a time, outside its own file's lock. */
    private void sweepIfDue(long now) {
        long due = nextSweep.get();
        if (now - due < 0 || !nextSweep.compareAndSet(due, now + SWEEP_EVERY_NANOS)) {
            return;
        }
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                if (slot.file.isOpen() && now - slot.lastUse >= IDLE_NANOS) {
                    slot.file.close();
                }
            }
        }
    }

    private Slot slot(Path path) {
        return slots.computeIfAbsent(path, Slot::new);
    }

    private void closeIfShutDown(Slot slot) {
        if (closed) {
            slot.file.close();
        }
    }

    private void succeeded(Slot slot) {
        if (slot.failing) {
            slot.failing = false;
            long dropped = slot.dropped;
            slot.dropped = 0;
            trouble.recovered(slot.file.path(), dropped);
        }
    }

    private void failed(Slot slot, IOException cause, long droppedBytes) {
        slot.dropped += droppedBytes;
        if (!slot.failing) {
            slot.failing = true;
            trouble.failed(slot.file.path(), cause);
        }
    }
}
