package io.jsupervisor.launcher.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/** With {@code -Djsupervisor.timing=true}, prints how long each start-up step took since the JVM started. */
final class StartupTimer {
    private final PrintStream out;
    private final Instant jvmStart;

    StartupTimer(PrintStream out) {
        this.out = Boolean.getBoolean("jsupervisor.timing") ? out : null;
        this.jvmStart = ProcessHandle.current().info().startInstant().orElse(Instant.now());
    }

    void mark(String step) {
        if (out != null) {
            out.println("timing: " + Duration.between(jvmStart, Instant.now()).toMillis() + " ms " + step);
        }
    }
}
