package io.jsupervisor.config;

/** {@code autorestart=}: always, never, or when the exit status is not in {@code exitcodes}. */
public enum AutoRestart {
    TRUE, FALSE, UNEXPECTED
}
