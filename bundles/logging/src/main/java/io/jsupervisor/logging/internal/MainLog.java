package io.jsupervisor.logging.internal;

import io.jsupervisor.api.MainLogRecord;
import io.jsupervisor.config.LogLevel;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The daemon's main log: formats records and writes them to the main log file (or syslog), and to
 * stdout in nodaemon mode. It also owns the {@link LogFiles} and reports their write failures as
 * lines of its own.
 *
 * <p>Lock order: a child file's lock, then this object's monitor, then the main log file's lock.
 * Trouble with the main log file itself goes to stderr without taking this monitor.
 */
final class MainLog {
    private final Supplier<MainLogSettings> settingsSource;
    private final MainLogFormat format;
    /** Asking the daemon costs a round trip to its engine thread: at most this often. */
    private static final long REFRESH_NANOS = 100_000_000L;

    private final Clock clock;
    private final LongSupplier nanos;
    private long lastRefresh;
    private final OutputStream stdout;
    private final PrintStream stderr;
    private final SyslogWriter syslog;
    private final LogFiles files;
    private volatile MainLogSettings settings;

    MainLog(Supplier<MainLogSettings> settingsSource, MainLogFormat format, Clock clock, LongSupplier nanos,
            OutputStream stdout, PrintStream stderr, SyslogWriter syslog) {
        this.nanos = nanos;
        this.settingsSource = settingsSource;
        this.format = format;
        this.clock = clock;
        this.stdout = stdout;
        this.stderr = stderr;
        this.syslog = syslog;
        this.files = new LogFiles(new TroubleLines(), nanos);
    }

    /** Learns the settings before the first record, so early write failures are reported in the right place. */
    void loadSettings() {
        refreshSettings();
    }

    /** The files of this bundle, main log included; their failures are reported through this log. */
    LogFiles files() {
        return files;
    }

    /** The main log file now, or {@code null} (syslog, or settings not known yet). */
    Path currentFile() {
        MainLogSettings s = settings;
        return s == null || s.file() == null ? null : s.file().path();
    }

    void log(MainLogRecord record) {
        // asked outside every lock: the daemon may need its own thread to answer, and that thread may
        // be waiting for one of our file locks (a clear or a read)
        MainLogSettings s = refreshSettings();
        Instant time = record.time() == null ? clock.instant() : record.time();
        synchronized (this) {
            write(s, time, record.level(), record.message());
        }
    }

    /**
     * A line of this bundle's own, logged only if the configured loglevel lets it through. Uses the
     * settings of the last record: it runs under a child file's lock, so it must not call the daemon.
     */
    synchronized void note(LogLevel level, String message) {
        MainLogSettings s = settings;
        if (s == null || level.passes(s.level())) {
            write(s, clock.instant(), level, message);
        }
    }

    private void write(MainLogSettings s, Instant time, LogLevel level, String message) {
        String line = format.line(time, level, message);
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        if (s == null) {
            stderr.print(line); // no settings could be read yet: do not lose the line
            return;
        }
        if (s.toStdout()) {
            try {
                stdout.write(bytes);
                stdout.flush();
            } catch (IOException e) {
                // stdout is gone (a closed terminal): the reference ignores EPIPE too
            }
        }
        if (s.toSyslog()) {
            syslog.send(Lines.of(message, format.prefix(time, level)));
        } else {
            files.write(s.file(), bytes);
        }
    }

    /**
     * Reads the settings again (a restart may change them), at most every 100 ms; keeps the last ones if
     * the daemon cannot answer. Only the main log's delivery thread (and activation) calls this.
     */
    private MainLogSettings refreshSettings() {
        MainLogSettings previous = settings;
        long time = nanos.getAsLong();
        if (previous != null && time - lastRefresh < REFRESH_NANOS) {
            return previous;
        }
        lastRefresh = time;
        MainLogSettings now;
        try {
            now = settingsSource.get();
        } catch (RuntimeException e) {
            return previous; // e.g. SHUTDOWN_STATE while stopping: keep logging where we were
        }
        if (previous != null && previous.file() != null
                && (now.file() == null || !Objects.equals(previous.file().path(), now.file().path()))) {
            files.close(previous.file().path());
        }
        settings = now;
        return now;
    }

    static String describe(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "Permission denied"; // Java's message is only the path
        }
        if (e instanceof FileSystemException && ((FileSystemException) e).getReason() != null) {
            return ((FileSystemException) e).getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private final class TroubleLines implements WriteTrouble {
        @Override
        public void failed(Path file, IOException cause) {
            String text = "cannot write log file " + file + ": " + describe(cause)
                    + "; its output is dropped until the file can be written again";
            if (file.equals(currentFile())) {
                stderr.println("supervisord: " + text);
            } else {
                note(LogLevel.ERROR, text);
            }
        }

        @Override
        public void recovered(Path file, long droppedBytes) {
            String text = "log file " + file + " can be written again; " + droppedBytes
                    + " bytes of output were dropped";
            if (file.equals(currentFile())) {
                stderr.println("supervisord: " + text);
            } else {
                note(LogLevel.INFO, text);
            }
        }
    }
}
