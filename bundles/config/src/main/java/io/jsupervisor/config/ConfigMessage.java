package io.jsupervisor.config;

/** A message produced while parsing (warning or info) that the daemon writes to its main log at start. */
public record ConfigMessage(LogLevel level, String text) {
}
