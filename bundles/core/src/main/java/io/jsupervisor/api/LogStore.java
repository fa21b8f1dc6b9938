package io.jsupervisor.api;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Answers reads of log files by offset, as the reference does, for the files the sinks write
 * (whiteboard; the logging bundle provides one). The core checks arguments before calling; without a
 * registered store, reads fail with NO_FILE.
 */
@ConsumerType
public interface LogStore {
    /**
     * {@code offset < 0}: the last {@code -offset} bytes ({@code length} is 0). Otherwise {@code length}
     * bytes from {@code offset} ({@code 0}: to the end); past the end: empty.
     *
     * @throws NoSuchFileException when the file does not exist
     */
    byte[] read(LogFileSpec file, long offset, long length) throws IOException;

    /** The reference's tail: {@code [data, size, overflow]}. A missing file gives empty data at 0. */
    LogTail tail(LogFileSpec file, long offset, long length) throws IOException;

    /** Removes the file and reopens it empty; rotated backups are kept, as the reference's clear keeps them. */
    void clear(LogFileSpec file) throws IOException;

    /** Closes and reopens every open file (the reference's SIGUSR2). */
    void reopenAll();

    /**
     * Rotates the file now, whatever its size (an extra: the reference only rotates at {@code maxbytes}):
     * the current file becomes {@code .1}, older backups shift up, the one beyond {@code backups} is
     * dropped, and an empty file is opened. With {@code backups == 0} the file is truncated in place, as
     * the reference's rollover does with no backups. A missing file is created empty.
     *
     * @throws IOException                   when a rename or the reopen fails (the file keeps its data)
     * @throws UnsupportedOperationException when this store cannot rotate (the default)
     */
    default void rotate(LogFileSpec file) throws IOException {
        throw new UnsupportedOperationException("rotate");
    }
}
