package io.jsupervisor.core.internal;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.config.ChannelLogSpec;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** AUTO child log names ({@code mkstemp} style) and the start-up clean-up of old ones. */
final class AutoLogs {
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789_";
    private final SecureRandom random = new SecureRandom();

    /** The channel's log file, an AUTO one created now (empty, unique); {@code null} for NONE. */
    LogFileSpec resolve(ChannelLogSpec spec, String childlogdir, String processName, LogChannel channel,
                        String identifier) {
        if (spec == null || spec.isNone()) {
            return null;
        }
        if (!spec.isAuto()) {
            return new LogFileSpec(Path.of(spec.logfile()), spec.maxbytes(), spec.backups(), spec.syslog());
        }
        String prefix = processName + "-" + channel.label() + "---" + identifier + "-";
        Path dir = Path.of(childlogdir);
        Path file = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            StringBuilder b = new StringBuilder(prefix);
            for (int i = 0; i < 8; i++) {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            file = dir.resolve(b.append(".log").toString());
            try {
                Files.createFile(file);
                break;
            } catch (FileAlreadyExistsException e) {
                continue;
            } catch (IOException e) {
                break; // the log sink reports an unusable directory when it writes
            }
        }
        return new LogFileSpec(file, spec.maxbytes(), spec.backups(), spec.syslog());
    }

    /**
     * Deletes old AUTO logs of this identifier, as the reference's {@code clear_autochildlogdir}.
     *
     * @return warnings for the main log
     */
    static List<String> cleanup(String childlogdir, String identifier) {
        List<String> warnings = new ArrayList<>();
        Pattern re = Pattern.compile(".+?---" + pyRegexLiteral(identifier) + "-\\S+\\.log\\.?\\d{0,4}");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(childlogdir))) {
            for (Path f : files) {
                // re.match anchors at the start only
                if (re.matcher(f.getFileName().toString()).lookingAt()) {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                        warnings.add("Failed to clean up " + CommandResolver.pyRepr(f.toString()));
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            warnings.add("Could not clear childlog dir");
        }
        return warnings;
    }

    /** The identifier is put into the reference's pattern unescaped; so do we, when it is a valid one. */
    private static String pyRegexLiteral(String identifier) {
        try {
            Pattern.compile(identifier);
            return identifier;
        } catch (RuntimeException e) {
            return Pattern.quote(identifier);
        }
    }
}
