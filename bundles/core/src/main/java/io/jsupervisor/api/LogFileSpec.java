package io.jsupervisor.api;

import java.nio.file.Path;

/**
 * A log file with its rotation rule, resolved (AUTO names already chosen).
 *
 * @param path     the file
 * @param maxbytes rotate after a write leaves it at least this big; 0 never rotates
 * @param backups  how many rotated files to keep ({@code .1} newest); 0 truncates instead
 * @param syslog   also send to syslog
 */
public record LogFileSpec(Path path, long maxbytes, int backups, boolean syslog) {
}
