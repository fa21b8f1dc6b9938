package io.jsupervisor.itests.plugins;

import io.jsupervisor.itests.Poll;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/supervisord -n} on a real terminal (util-linux {@code script} gives it a pty), so the launcher starts
 * the Gogo shell on it, as for an operator at a console. Commands are typed; the screen is read back as text.
 */
final class GogoTerminal implements AutoCloseable {
    private static final Pattern BUNDLE_ROW = Pattern.compile("(?m)^\\s*(\\d+)\\|[^|]*\\|[^|]*\\|(\\S+) \\(");

    private final Process process;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final OutputStream keyboard;

    GogoTerminal(Path supervisord, Path config) throws IOException {
        String command = "'" + supervisord + "' -n -c '" + config + "'";
        process = new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true).start();
        keyboard = process.getOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream()), "pty-reader");
        reader.setDaemon(true);
        reader.start();
    }

    String text() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8);
        }
    }

    /** Waits for the first prompt: the shell is up. */
    void awaitPrompt(Duration timeout) {
        await(timeout, "the Gogo prompt", "g! ", 0);
    }

    /** Types {@code line}; returns the screen position before it, for {@link #await}. */
    int type(String line) throws IOException {
        int mark = text().length();
        keyboard.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        keyboard.flush();
        return mark;
    }

    /** Waits until {@code expected} appears on the screen after position {@code mark}; returns the text after it. */
    String await(Duration timeout, String what, String expected, int mark) {
        return Poll.until(timeout, what, () -> {
            String after = text().substring(mark);
            return after.contains(expected) ? Optional.of(after) : Optional.empty();
        });
    }

    /** Types {@code line} and waits for the next prompt: the command's output. */
    String run(String line, Duration timeout) throws IOException {
        int mark = type(line);
        String after = await(timeout, "'" + line + "' to finish", "\ng! ", mark);
        return after.substring(0, after.indexOf("\ng! "));
    }

    /** Symbolic name to bundle id, from {@code lb -s}. */
    Map<String, Long> bundleIds(Duration timeout) throws IOException {
        Map<String, Long> ids = new LinkedHashMap<>();
        Matcher m = BUNDLE_ROW.matcher(run("lb -s", timeout));
        while (m.find()) {
            ids.put(m.group(2), Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** Ends the daemon with SIGTERM first (closing the terminal would send it SIGHUP, which means restart). */
    @Override
    public void close() throws Exception {
        for (ProcessHandle h : process.descendants().toList()) {
            if (h.info().command().orElse("").endsWith("/java")) {
                h.destroy();
                h.onExit().get(60, TimeUnit.SECONDS);
            }
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void copy(InputStream in) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (screen) {
                    screen.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the terminal closed
        }
    }
}
