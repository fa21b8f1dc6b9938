package io.jsupervisor.logging.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Sends lines to syslog. Java has no syslog(3) and cannot open the datagram socket {@code /dev/log},
 * so one long-lived {@code logger} process reads our lines on its stdin, one message per line.
 * If it cannot be started or dies, the failure is reported once on stderr and a restart is tried at
 * most once a minute; lines sent meanwhile are lost.
 */
final class SyslogWriter implements AutoCloseable {
    /** The reference logs through syslog(3) with the program name as ident, facility user, level info. */
    static final List<String> LOGGER_COMMAND = List.of("logger", "-t", "supervisord", "-p", "user.info");
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final List<String> command;
    private final Clock clock;
    private final PrintStream stderr;
    private Process process;
    private OutputStream stdin;
    private Instant nextAttempt = Instant.MIN;
    private boolean reported;

    SyslogWriter(List<String> command, Clock clock, PrintStream stderr) {
        this.command = List.copyOf(command);
        this.clock = clock;
        this.stderr = stderr;
    }

    /** Sends each line as one message (lines must not contain '\n'). */
    synchronized void send(List<String> lines) {
        if (lines.isEmpty() || !ensureStarted()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        try {
            stdin.write(text.toString().getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            reported = false;
        } catch (IOException e) {
            report("syslog writer " + command.get(0) + " stopped accepting lines: " + e.getMessage());
            stop();
        }
    }

    @Override
    public synchronized void close() {
        stop();
    }

    private boolean ensureStarted() {
        if (process != null && process.isAlive()) {
            return true;
        }
        stop();
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            return false;
        }
        nextAttempt = now.plus(RETRY);
        try {
            process = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            stdin = process.getOutputStream();
            return true;
        } catch (IOException e) {
            report("cannot start " + String.join(" ", command) + " to write to syslog: " + e.getMessage());
            process = null;
            return false;
        }
    }

    private void stop() {
        if (stdin != null) {
            try {
                stdin.close(); // logger exits at end of input
            } catch (IOException ignored) {
                // it is gone already
            }
        }
        stdin = null;
        process = null;
    }

    private void report(String message) {
        if (!reported) {
            reported = true;
            stderr.println("supervisord: " + message + " (syslog lines are dropped until it works)");
        }
    }
}
