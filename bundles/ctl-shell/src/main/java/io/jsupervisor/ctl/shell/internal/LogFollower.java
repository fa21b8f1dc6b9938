package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.LogFollow;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code tail -f} in-process: what the reference's {@code /logtail} stream sends (the last 1024 bytes, then
 * whatever is appended, {@code ==> File truncated <==} when the file shrinks, from the start after a rotation),
 * read straight from the log file until the thread is interrupted (Ctrl-C in Gogo).
 */
final class LogFollower {
    private static final int HEAD = 1024;
    // the reference's tail_f_producer delay
    private static final long POLL_MILLIS = 100;

    private final ProcessManager manager;

    LogFollower(ProcessManager manager) {
        this.manager = manager;
    }

    /** Follows until interrupted; a missing file or process gives the reference's HTTP 404 message. */
    void follow(LogFollow log, PrintStream out) {
        Optional<Path> file;
        try {
            file = log.isMainLog() ? manager.mainLogFile() : manager.processLogFile(log.process(), log.channel());
        } catch (SupervisorException e) {
            file = Optional.empty();
        }
        if (file.isEmpty()) {
            out.println("Cannot read, status code 404");
            return;
        }
        follow(file.get(), out);
        // supervisorctl prints an empty line on Ctrl-C
        out.println();
    }

    void follow(Path file, PrintStream out) {
        Object fileKey = fileKey(file);
        long position = Math.max(0, size(file) - HEAD);
        while (!Thread.currentThread().isInterrupted()) {
            Object key = fileKey(file);
            if (!Objects.equals(key, fileKey)) {
                fileKey = key;
                position = 0;
            }
            long size = size(file);
            if (size < position) {
                out.print("==> File truncated <==\n");
                position = 0;
            } else if (size > position) {
                position += copy(file, position, size, out);
            }
            out.flush();
            pause();
        }
    }

    private static long copy(Path file, long from, long to, PrintStream out) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(to - from, 64 * 1024));
            int read = channel.read(buffer, from);
            if (read > 0) {
                out.write(buffer.array(), 0, read);
            }
            return Math.max(read, 0);
        } catch (IOException e) {
            return 0;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Object fileKey(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            // gone for now (mid-rotation): treated as a new file when it reappears
            return null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
