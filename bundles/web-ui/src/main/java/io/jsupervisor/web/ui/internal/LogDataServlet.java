package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * {@code GET /log.txt?processname=<ns>&channel=stdout|stderr&offset=<n>}: what the log viewer appends next.
 * The bytes of the channel's log file from {@code offset} to its end (at most {@link #MAX_CHUNK}), with the
 * offset to ask for next in {@code X-Log-Offset}. Without an offset, or when the file is now shorter
 * (cleared, rotated), it answers the last {@link #FIRST_CHUNK} bytes and sets {@code X-Log-Reset: 1}, so the
 * viewer starts over; {@code X-Log-Skipped: 1} when more than a chunk arrived since the last read.
 */
public class LogDataServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final int FIRST_CHUNK = 16 * 1024;
    static final int MAX_CHUNK = 256 * 1024;

    private final transient ProcessManager pm;

    public LogDataServlet(ProcessManager pm) {
        this.pm = pm;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("processname");
        LogChannel channel = "stderr".equals(req.getParameter("channel")) ? LogChannel.STDERR : LogChannel.STDOUT;
        long offset = offset(req.getParameter("offset"));
        if (name == null || name.isEmpty()) {
            Responses.text(resp, HttpServletResponse.SC_BAD_REQUEST, "No process name found");
            return;
        }
        Optional<Path> file;
        try {
            file = pm.processLogFile(name, channel);
        } catch (SupervisorException e) {
            int status = e.fault() == Fault.BAD_NAME ? HttpServletResponse.SC_NOT_FOUND
                    : HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            Responses.text(resp, status, "ERROR: unexpected rpc fault [" + e.fault().code() + "] " + e.getMessage());
            return;
        }
        if (file.isEmpty()) {
            Responses.text(resp, HttpServletResponse.SC_NOT_FOUND, "No file for " + name);
            return;
        }
        try (FileChannel in = FileChannel.open(file.get(), StandardOpenOption.READ)) {
            long size = in.size();
            boolean reset = offset < 0 || offset > size;
            long from = reset ? Math.max(0, size - FIRST_CHUNK) : offset;
            boolean skipped = size - from > MAX_CHUNK;
            if (skipped) {
                from = size - MAX_CHUNK;
            }
            ByteBuffer bytes = ByteBuffer.allocate((int) (size - from));
            while (bytes.hasRemaining() && in.read(bytes, from + bytes.position()) >= 0) {
                // FileChannel may read less than asked
            }
            send(resp, bytes.flip(), from + bytes.limit(), reset, skipped);
        } catch (NoSuchFileException e) {
            // not written yet (the process never started): an empty log
            send(resp, ByteBuffer.allocate(0), 0, true, false);
        }
    }

    private static void send(HttpServletResponse resp, ByteBuffer bytes, long next, boolean reset, boolean skipped)
            throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Log-Offset", Long.toString(next));
        if (reset) {
            resp.setHeader("X-Log-Reset", "1");
        }
        if (skipped) {
            resp.setHeader("X-Log-Skipped", "1");
        }
        // bytes, not text: a chunk may end inside a UTF-8 character; the viewer decodes it as a stream
        resp.setContentType("application/octet-stream");
        resp.setContentLength(bytes.remaining());
        resp.getOutputStream().write(bytes.array(), 0, bytes.remaining());
    }

    /** -1 (start over) unless it is a plain non-negative number. */
    static long offset(String param) {
        if (param == null || param.isEmpty() || param.length() > 18 || !param.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(param);
    }
}
