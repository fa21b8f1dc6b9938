package io.jsupervisor.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The host name the reference puts in {@code %(host_node_name)s}: Python's {@code platform.node()}, the
 * kernel's node name ({@code uname -n}), which is not always what {@code InetAddress} resolves.
 */
public final class NodeName {
    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    private NodeName() {
    }

    /** The node name, or the resolver's host name where /proc is not available, or {@code localhost}. */
    public static String get() {
        try {
            String name = Files.readString(KERNEL_HOSTNAME).strip();
            if (!name.isEmpty()) {
                return name;
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or /proc not mounted: fall back to the resolver
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }
}
