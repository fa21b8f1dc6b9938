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
}
