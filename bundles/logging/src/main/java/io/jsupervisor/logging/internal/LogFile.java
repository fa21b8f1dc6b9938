package io.jsupervisor.logging.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One log file kept open for writing and rotated after each write, as the reference's
 * RotatingFileHandler does. Not thread-safe: {@link LogFiles} guards each instance with its own lock.
 */
final class LogFile {
    private final Path path;
    private long maxbytes;
    private int backups;
    private FileChannel channel;
    /** What the reference's {@code tell()} answers: the size at open plus what we wrote since. */
    private long position;

    LogFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** The rotation rule can change between writes (a reload may change maxbytes or backups). */
    void rule(long maxbytes, int backups) {
        this.maxbytes = maxbytes;
        this.backups = backups;
    }

    boolean isOpen() {
        return channel != null;
    }

    /** Writes all of {@code data}; on failure the file is closed so the next write reopens it. */
    void write(ByteBuffer data) throws IOException {
        if (channel == null) {
            openForAppend();
        }
        try {
            while (data.hasRemaining()) {
                position += channel.write(data);
            }
            rotateIfFull();
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** Opens the file for appending (the reference's mode 'ab'), creating it. */
    void openForAppend() throws IOException {
        close();
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        position = sizeOf(channel);
    }

    void close() {
        FileChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing was buffered: every write went to the OS already
            }
        }
    }

    /** The reference's remove(): close and delete the file itself; backups are left alone. */
    void delete() throws IOException {
        close();
        // never unlink a device such as /dev/stdout that a log may point at
        if (!Files.exists(path) || Files.isRegularFile(path)) {
            Files.deleteIfExists(path);
        }
    }

    private void rotateIfFull() throws IOException {
        if (maxbytes <= 0 || position < maxbytes) {
            return;
        }
        close();
        if (backups > 0) {
            Backups.shift(path, backups);
        }
        openEmpty();
    }

    /**
     * Rotates now whatever the size (rotation on demand): as a rollover at maxbytes, except that a missing
     * file is only created (shifting nothing, so {@code .1} is not lost) and that a device is refused.
     * If a rename fails the file is reopened for appending, keeping its data, and the failure is thrown.
     */
    void rotateNow() throws IOException {
        close();
        boolean exists = Files.exists(path);
        if (exists && !Files.isRegularFile(path)) {
            throw new IOException(path + " is not a regular file, it cannot be rotated");
        }
        if (exists && backups > 0) {
            try {
                Backups.shift(path, backups);
            } catch (IOException e) {
                openForAppend();
                throw e;
            }
        }
        openEmpty();
    }

    /** The reference reopens with 'wb': a fresh (or truncated) file, written from its start. */
    private void openEmpty() throws IOException {
        channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        position = 0;
    }

    private static long sizeOf(FileChannel c) {
        try {
            return c.size();
        } catch (IOException e) {
            return 0; // a pipe or device (e.g. /dev/stdout) has no meaningful size
        }
    }
}
