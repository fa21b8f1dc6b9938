package io.jsupervisor.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The benchmark config: the same shape bench/compare.py gives both daemons. */
final class BenchConfigs {
    private BenchConfigs() {
    }

    static Path write(Path dir, int programs) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("[inet_http_server]\nport=127.0.0.1:9001\n\n[supervisord]\n")
                .append("logfile=").append(dir).append("/supervisord.log\n")
                .append("pidfile=").append(dir).append("/supervisord.pid\n")
                .append("childlogdir=").append(dir).append("\n\n")
                .append("[rpcinterface:supervisor]\n")
                .append("supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n");
        for (int i = 0; i < programs; i++) {
            b.append(String.format("%n[program:p%04d]%ncommand=/bin/sleep 1000000%nstartsecs=0%nautorestart=true%n", i));
        }
        Path file = dir.resolve("supervisord.conf");
        Files.writeString(file, b);
        return file;
    }

    static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
