package io.jsupervisor.core.internal;

import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code exec:COMMAND}: {@code /bin/sh -c COMMAND} with the program's environment, directory and user (through
 * {@code setpriv}, as the program itself is started); exit status 0 passes. Output is discarded. At the
 * timeout the command and everything it started are killed.
 */
final class ExecProbe implements HealthProbe {
    private final List<String> argv;
    private final Map<String, String> env;
    private final File dir;
    private final long timeoutMs;

    ExecProbe(List<String> argv, Map<String, String> env, File dir, long timeoutMs) {
        this.argv = List.copyOf(argv);
        this.env = Map.copyOf(env);
        this.dir = dir;
        this.timeoutMs = timeoutMs;
    }

    @Override
    public Result run() {
        ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectInput(ProcessBuilder.Redirect.from(
                        new File("/dev/null")));
        pb.environment().clear();
        pb.environment().putAll(env);
        if (dir != null) {
            pb.directory(dir);
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(false, "could not run: " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
        try {
            if (!p.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Result(false, "timed out after " + HealthSettings.seconds(timeoutMs));
            }
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted");
        }
        int code = p.exitValue();
        return new Result(code == 0, "exit " + code);
    }
}
