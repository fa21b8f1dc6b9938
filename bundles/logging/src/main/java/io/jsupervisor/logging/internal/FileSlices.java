package io.jsupervisor.logging.internal;

import io.jsupervisor.api.LogTail;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Reads slices of a file with the exact arithmetic of the reference's readFile and tailFile. */
final class FileSlices {
    private static final byte[] NOTHING = new byte[0];
    private static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private FileSlices() {
    }

    /**
     * {@code offset < 0}: the last {@code -offset} bytes ({@code length} must be 0). Otherwise
     * {@code length} bytes from {@code offset}, {@code 0} meaning to the end; past the end: empty.
     *
     * @throws NoSuchFileException      when the file does not exist
     * @throws IllegalArgumentException for the reference's BAD_ARGUMENTS cases
     */
    static byte[] read(Path path, long offset, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            long from;
            long count;
            if (offset < 0) {
                if (length != 0) {
                    throw new IllegalArgumentException("BAD_ARGUMENTS");
                }
                from = Math.max(0, size + offset);
                count = size - from;
            } else {
                if (length < 0) {
                    throw new IllegalArgumentException("BAD_ARGUMENTS");
                }
                from = offset;
                count = length == 0 ? size - from : Math.min(length, size - from);
            }
            return count <= 0 ? NOTHING : readFully(channel, from, count);
        }
    }

    /**
     * The reference's tailFile: {@code [data, size, overflow]}. A missing file answers empty data at
     * 0 (as the reference's RPC layer does); another I/O error, empty data at the offset asked.
     */
    static LogTail tail(Path path, long offset, long length) {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = channel.size();
            boolean overflow = false;
            long from = offset;
            long count = length;
            if (size > saturatedSum(from, count)) {
                overflow = true;
                from = size - 1;
            }
            if (saturatedSum(from, count) > size) {
                if (from > size - 1) {
                    count = 0;
                }
                from = size - count;
            }
            from = Math.max(0, from);
            count = Math.max(0, Math.min(count, size - from));
            byte[] data = count == 0 ? NOTHING : readFully(channel, from, count);
            return new LogTail(data, size, overflow);
        } catch (NoSuchFileException e) {
            return new LogTail(NOTHING, 0, false);
        } catch (IOException e) {
            return new LogTail(NOTHING, offset, false);
        }
    }

    private static long saturatedSum(long a, long b) {
        long sum = a + b;
        // overflow only when both operands have the same sign and the result's sign differs
        if (((a ^ sum) & (b ^ sum)) < 0) {
            return a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return sum;
    }

    private static byte[] readFully(FileChannel channel, long from, long count) throws IOException {
        if (count > MAX_ARRAY) {
            throw new IOException("slice of " + count + " bytes is too large to answer");
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) count);
        long position = from;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                break;
            }
            position += n;
        }
        byte[] data = buffer.array();
        return buffer.position() == data.length ? data : Arrays.copyOf(data, buffer.position());
    }
}
