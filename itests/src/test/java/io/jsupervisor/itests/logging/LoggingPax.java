package io.jsupervisor.itests.logging;


import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ops4j.pax.exam.Option;

/** The distribution's bundles in a Pax Exam (native Felix) framework, as FrameworkBootTest boots them. */
final class LoggingPax {
    private LoggingPax() {
    }

    /** Writes {@code dir/supervisord.conf} ({@code sections} after [supervisord]) and returns the options. */
    static List<Option> options(Path dir, String sections) throws IOException {
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, """
                [supervisord]
                logfile = %s/supervisord.log
                pidfile = %s/supervisord.pid
                childlogdir = %s
                nodaemon = true

                %s
                """.formatted(dir, dir, dir, sections));
        return io.jsupervisor.itests.PaxBundles.daemonOn(conf);
    }
}
