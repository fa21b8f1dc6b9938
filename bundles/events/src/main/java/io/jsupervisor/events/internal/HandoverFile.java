package io.jsupervisor.events.internal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Where a {@link Handover} waits between two instances of the pools: a file in the bundle's data area, which
 * OSGi keeps across a bundle update (and deletes at uninstall). Only taken back by the same daemon (same
 * framework launch, same core service) and while the core still keeps our place in its event stream.
 */
final class HandoverFile {
    /** The core parks a departed listener's place for 10 minutes; stay well inside that. */
    static final long MAX_AGE_MILLIS = TimeUnit.MINUTES.toMillis(5);

    private final Path file;
    private final String daemon;

    /** @param file where to keep it, or {@code null} for nowhere (nothing is handed over) */
    HandoverFile(Path file, String daemon) {
        this.file = file;
        this.daemon = daemon;
    }

    static HandoverFile none() {
        return new HandoverFile(null, "");
    }

    String daemon() {
        return daemon;
    }

    /** Reads and removes what a predecessor left, if it is ours and fresh. */
    Optional<Handover> take(long nowMillis) {
        if (file == null || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Handover handover = Handover.decode(Files.readAllBytes(file));
            boolean usable = handover.daemon().equals(daemon)
                    && nowMillis - handover.savedAtMillis() <= MAX_AGE_MILLIS
                    && nowMillis >= handover.savedAtMillis();
            return usable ? Optional.of(handover) : Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty(); // another format or a torn file: start afresh, as without a handover
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a stale file is refused next time by its age or daemon
            }
        }
    }

    /** Best effort: without it the successor starts afresh, as the reference does after a restart. */
    void save(Handover handover) {
        if (file == null) {
            return;
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, handover.encode());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException cannotWrite) {
            // nothing else to do while stopping
        }
    }

    static Path pathOf(File dataFile) {
        return dataFile == null ? null : dataFile.toPath();
    }
}
