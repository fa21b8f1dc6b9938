package io.jsupervisor.rest.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Bounded polling for a condition, instead of sleeping. */
final class Wait {
    private Wait() {
    }

    static void until(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 20 s");
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // poll interval, not a fixed wait
        }
    }
}
