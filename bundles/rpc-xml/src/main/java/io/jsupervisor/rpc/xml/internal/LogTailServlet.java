package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /logtail/<namespec>[/stdout|/stderr]} and {@code GET /mainlogtail}: 404 for an unknown
 * process or channel or a missing file, else a never-ending chunked {@code text/plain} stream of the
 * file (see {@link LogFollower}), polled every 0.1 s. The stream ends when the client goes away (the
 * next write fails) or when {@link #stop()} is called (bundle stopping).
 */
public class LogTailServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final long POLL_MILLIS = 100;

    private final transient ProcessManager pm;
    private final boolean mainLog;
    private final transient CountDownLatch stopped = new CountDownLatch(1);

    /** @param mainLog true for {@code /mainlogtail}, false for {@code /logtail/...} */
    LogTailServlet(ProcessManager pm, boolean mainLog) {
        this.pm = pm;
        this.mainLog = mainLog;
    }

    /** Ends every stream being served. */
    void stop() {
        stopped.countDown();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"GET".equals(req.getMethod())) {
            resp.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Optional<Path> file = logFile(req.getPathInfo());
        if (file.isEmpty() || !Files.exists(file.get())) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try (LogFollower follower = new LogFollower(file.get())) {
            resp.setStatus(HttpServletResponse.SC_OK);
            resp.setContentType("text/plain;charset=utf-8");
            resp.setDateHeader("Last-Modified", Files.getLastModifiedTime(file.get()).toMillis());
            if (!mainLog) {
                resp.setHeader("X-Accel-Buffering", "no");
            }
            stream(follower, resp.getOutputStream());
        }
    }

    private void stream(LogFollower follower, ServletOutputStream out) throws IOException {
        out.flush(); // commit the headers: chunked, no Content-Length
        try {
            while (true) {
                byte[] data = follower.poll();
                if (data.length > 0) {
                    out.write(data);
                    out.flush();
                } else if (stopped.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Optional<Path> logFile(String pathInfo) {
        try {
            return mainLog ? pm.mainLogFile() : processLog(pathInfo);
        } catch (SupervisorException e) {
            return Optional.empty(); // BAD_NAME, SHUTDOWN_STATE and the like: not found
        }
    }

    /** The file for {@code /<namespec>[/<channel>]}, empty when there is none. */
    private Optional<Path> processLog(String pathInfo) {
        String path = pathInfo == null ? "" : pathInfo;
        while (path.startsWith("/")) {
            path = path.substring(1);
        }
        int slash = path.indexOf('/');
        String name = slash < 0 ? path : path.substring(0, slash);
        String channelName = slash < 0 ? "stdout" : path.substring(slash + 1);
        LogChannel channel = switch (channelName) {
            case "stdout" -> LogChannel.STDOUT;
            case "stderr" -> LogChannel.STDERR;
            default -> null;
        };
        if (channel == null || name.isEmpty()) {
            return Optional.empty();
        }
        return pm.processLogFile(name, channel);
    }
}
