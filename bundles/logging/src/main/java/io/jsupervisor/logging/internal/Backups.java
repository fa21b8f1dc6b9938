package io.jsupervisor.logging.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Shifts rotated files as the reference does: {@code name.(N-1)} to {@code name.N} ... {@code name} to {@code name.1}. */
final class Backups {
    private Backups() {
    }

    static Path backup(Path base, int n) {
        return base.resolveSibling(base.getFileName() + "." + n);
    }

    /** Shifts the backups of {@code base} up by one and renames {@code base} to {@code base.1}; the oldest is overwritten. */
    static void shift(Path base, int backups) throws IOException {
        for (int i = backups - 1; i > 0; i--) {
            Path source = backup(base, i);
            if (Files.exists(source)) {
                replace(source, backup(base, i + 1));
            }
        }
        replace(base, backup(base, 1));
    }

    /**
     * One rename(2) that replaces the target: a backup is never missing, not even for a moment (the reference
     * removes the target first), so a reader of {@code name.1} always finds one.
     */
    private static void replace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (NoSuchFileException e) {
            // the source went away meanwhile (a cleanup script removed it): as the reference, carry on
        }
    }
}
