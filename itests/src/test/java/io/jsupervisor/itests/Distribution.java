package io.jsupervisor.itests;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the freshly built distribution tree is (set by the POM), and small things around it. */
public final class Distribution {
    private Distribution() {
    }

    public static Path home() {
        return Path.of(System.getProperty("jsupervisor.dist", "../distribution/target/jsupervisor"))
                .toAbsolutePath().normalize();
    }

    public static Path supervisord() {
        return home().resolve("bin/supervisord");
    }

    /** Our bundles as built into the distribution's bundle/ directory. */
    public static List<Path> ourBundles() throws IOException {
        try (Stream<Path> files = Files.list(home().resolve("bundle"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("jsupervisor-")).sorted().toList();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    /**
     * Writes {@code dir/supervisord.conf}: an inet server on 127.0.0.1:{@code port} (plus {@code serverExtra}
     * lines such as credentials), logs and pidfile in {@code dir}, the supervisor RPC namespace, then
     * {@code programs}.
     */
    public static Path writeConfig(Path dir, int port, String serverExtra, String programs) throws IOException {
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, """
                [inet_http_server]
                port = 127.0.0.1:%d
                %s
                [supervisord]
                logfile = %s/supervisord.log
                pidfile = %s/supervisord.pid
                childlogdir = %s

                [rpcinterface:supervisor]
                supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface

                %s
                """.formatted(port, serverExtra, dir, dir, dir, programs));
        return conf;
    }
}
