package io.jsupervisor.api;

/**
 * What the health check of one process last found.
 *
 * @param name       the process's namespec ({@code group:process} or {@code name})
 * @param state      the health state
 * @param check      the configured check as written ({@code tcp://…}, {@code http://…}, {@code exec:…}), or
 *                   {@code ""} for none
 * @param lastCheck  epoch milliseconds of the last finished check, 0 if none yet
 * @param lastResult what it found ({@code "HTTP 200"}, {@code "connection refused"}, {@code "exit 1"} …), or
 *                   {@code ""}
 * @param failures   failed checks in a row since the last pass
 * @since 1.2
 */
public record HealthInfo(String name, HealthState state, String check, long lastCheck, String lastResult,
                         int failures) {
}
