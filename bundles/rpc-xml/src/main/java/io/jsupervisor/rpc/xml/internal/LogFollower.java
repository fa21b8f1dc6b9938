package io.jsupervisor.rpc.xml.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Follows a log file as the reference's {@code tail -f} producer does: starts with the last 1024
 * bytes, then hands out what is appended; a shrunk file gives {@code ==> File truncated <==} and is
 * read again from its start; a new file under the name (rotation) is reopened and read from its start.
 */
final class LogFollower implements Closeable {
    static final int HEAD = 1024;
    static final byte[] TRUNCATED = "==> File truncated <==\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_READ = 64 * 1024;
    private static final byte[] NOTHING = new byte[0];

    private final Path file;
    private FileChannel channel;
    private Object identity;
    private long sent;

    LogFollower(Path file) throws IOException {
        this.file = file;
        open();
        long size = channel.size();
        sent = size >= HEAD ? size - HEAD : 0;
    }

    /** The bytes to send now, possibly none. */
    byte[] poll() throws IOException {
        reopenIfReplaced();
        long size = channel.size();
        if (size < sent) {
            sent = 0;
            return TRUNCATED.clone();
        }
        if (size == sent) {
            return NOTHING;
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(MAX_READ, size - sent));
        int n = channel.read(buffer, sent);
        if (n <= 0) {
            return NOTHING;
        }
        sent += n;
        byte[] out = new byte[n];
        buffer.flip().get(out);
        return out;
    }

    private void reopenIfReplaced() throws IOException {
        Object now;
        try {
            now = identityOf(file);
        } catch (IOException e) {
            return; // unlinked: keep reading the open file, as the reference does
        }
        if (!Objects.equals(now, identity)) {
            channel.close();
            open();
        }
    }

    private void open() throws IOException {
        channel = FileChannel.open(file, StandardOpenOption.READ);
        identity = identityOf(file);
        sent = 0;
    }

    /** (device, inode) on Unix; the file's mtime-free identity. */
    private static Object identityOf(Path file) throws IOException {
        return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
