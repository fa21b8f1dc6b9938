package io.jsupervisor.launcher.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The status file between the daemon and the command that started it: first line {@code EXIT <status>}, then the
 * text the command prints on stderr. Written once, atomically, so a reader sees all or nothing.
 */
public final class DaemonStatus {
    /** What the daemon reported. */
    public record Verdict(int exitStatus, String messages) {
    }

    private DaemonStatus() {
    }

    public static void write(Path status, int exitStatus, String messages) throws IOException {
        Path partial = status.resolveSibling(status.getFileName() + ".partial");
        Files.writeString(partial, "EXIT " + exitStatus + "\n" + messages, StandardCharsets.UTF_8);
        Files.move(partial, status, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** @return the verdict, or {@code null} while the daemon has not reported */
    public static Verdict read(Path status) throws IOException {
        String text;
        try {
            text = Files.readString(status, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!text.startsWith("EXIT ")) {
            return null;
        }
        int eol = text.indexOf('\n');
        return new Verdict(Integer.parseInt(text.substring(5, eol).trim()), text.substring(eol + 1));
    }
}
