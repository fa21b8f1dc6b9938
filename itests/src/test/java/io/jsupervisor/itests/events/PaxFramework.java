package io.jsupervisor.itests.events;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * The distribution's bundle set for a Pax Exam (native Felix) framework, as in {@code FrameworkBootTest}, with
 * a supervisord.conf of the test's own (its [supervisord] section is written here).
 */
final class PaxFramework {
    private PaxFramework() {
    }

    /** Writes {@code dir/supervisord.conf} ({@code sections} after [supervisord]) and returns the options. */
    static List<Option> options(Path dir, String sections) throws IOException {
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, """
                [supervisord]
                logfile = %s/supervisord.log
                loglevel = debug
                pidfile = %s/supervisord.pid
                childlogdir = %s
                nodaemon = true
                identifier = paxid

                %s
                """.formatted(dir, dir, dir, sections));
        return io.jsupervisor.itests.PaxBundles.daemonOn(conf);
    }

    /** The lines of a record file (none yet when it does not exist). */
    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
