package io.jsupervisor.launcher.internal;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;

/**
 * With {@code -Djsupervisor.timing=true}, prints how long each start-up step took since bin/supervisord started
 * (it passes {@code -Djsupervisor.started=$EPOCHREALTIME}; the process start time of the JVM is only as precise
 * as the kernel's clock ticks).
 */
final class StartupTimer {
    private final PrintStream out;
    private final Instant jvmStart;

    StartupTimer(PrintStream out) {
        this.out = Boolean.getBoolean("jsupervisor.timing") ? out : null;
        this.jvmStart = scriptStart().orElseGet(
                () -> ProcessHandle.current().info().startInstant().orElse(Instant.now()));
    }

    private static java.util.Optional<Instant> scriptStart() {
        try {
            String started = System.getProperty("jsupervisor.started", "").replace(',', '.');
            java.math.BigDecimal seconds = new java.math.BigDecimal(started);
            return java.util.Optional.of(Instant.ofEpochSecond(0, seconds.movePointRight(9).longValueExact()));
        } catch (NumberFormatException | ArithmeticException e) {
            return java.util.Optional.empty();
        }
    }

    void mark(String step) {
        if (out != null) {
            out.println("timing: " + Duration.between(jvmStart, Instant.now()).toMillis() + " ms " + step);
        }
    }
}
