package io.jsupervisor.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a load depends on besides the file: the daemon's environment (for {@code %(ENV_X)s}), the host
 * name ({@code %(host_node_name)s}), the working directory (relative defaults such as
 * {@code supervisord.log}) and the command-line overrides of {@code [supervisord]} options.
 *
 * @param environment the environment variables of the daemon
 * @param hostName    the host's node name
 * @param workingDirectory the directory the daemon was started in
 * @param overrides   {@code [supervisord]} option name (as in the file, e.g. {@code nodaemon},
 *                    {@code logfile_maxbytes}) to raw value, from the command line; they beat the file
 */
public record LoadContext(Map<String, String> environment, String hostName, Path workingDirectory,
                          Map<String, String> overrides) {
    public LoadContext {
        environment = Map.copyOf(environment);
        overrides = Map.copyOf(overrides);
    }

    /** The context of the running JVM, with no overrides. */
    public static LoadContext ofSystem() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        return new LoadContext(System.getenv(), host, Path.of("").toAbsolutePath(), Map.of());
    }

    public LoadContext withOverrides(Map<String, String> newOverrides) {
        return new LoadContext(environment, hostName, workingDirectory, newOverrides);
    }
}
