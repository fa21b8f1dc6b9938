package io.jsupervisor.launcher.internal;

import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.UnixHttpServerSpec;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Refuses to start a second daemon: the reference only finds out when its HTTP bind fails (same message here), we
 * also look at the pidfile, since a daemon without HTTP servers would otherwise run twice.
 */
public final class AlreadyRunningCheck {
    static final String PORT_TAKEN = "Another program is already listening on a port that one of our HTTP servers "
            + "is configured to use.  Shut this program down first before starting supervisord.";

    private final long ownPid;

    public AlreadyRunningCheck(long ownPid) {
        this.ownPid = ownPid;
    }

    public void check(SupervisorConfig config) throws UsageException {
        checkPidfile(Path.of(config.supervisord().pidfile()));
        for (UnixHttpServerSpec server : config.unixHttpServers()) {
            checkSocketFile(Path.of(server.file()));
        }
        for (InetHttpServerSpec server : config.inetHttpServers()) {
            checkPort(server);
        }
    }

    private void checkPidfile(Path pidfile) throws UsageException {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(pidfile, StandardCharsets.US_ASCII).trim());
        } catch (IOException | NumberFormatException | SecurityException e) {
            return; // no pidfile, or not one we can read: nothing claims to run
        }
        if (pid != ownPid && pid > 0 && isSupervisord(pid)) {
            throw new UsageException("another supervisord is already running with pid " + pid
                    + " (pidfile " + pidfile + ")");
        }
    }

    /** Alive, and its command line names supervisord or our launcher (the pid may have been reused). */
    private static boolean isSupervisord(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String cmdline = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"),
                        StandardCharsets.UTF_8);
                return cmdline.contains("supervisord") || cmdline.contains("io.jsupervisor.launcher.Main");
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    private static void checkSocketFile(Path socket) throws UsageException {
        if (!Files.exists(socket)) {
            return;
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            throw new UsageException(PORT_TAKEN);
        } catch (IOException | UnsupportedOperationException e) {
            // nobody answers: a stale socket, which the server replaces
        }
    }

    private static void checkPort(InetHttpServerSpec server) throws UsageException {
        String host = server.host() == null || server.host().isEmpty() || server.host().equals("*")
                ? "0.0.0.0" : server.host();
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true); // as the real server does, so TIME_WAIT leftovers do not count
            socket.bind(new InetSocketAddress(host, server.port()));
        } catch (BindException e) {
            if (e.getMessage() != null && e.getMessage().contains("in use")) {
                throw new UsageException(PORT_TAKEN);
            }
            throw new UsageException("Cannot open an HTTP server: socket.error reported " + errnoName(e));
        } catch (IOException e) {
            throw new UsageException("Cannot open an HTTP server: socket.error reported " + errnoName(e));
        }
    }

    private static String errnoName(IOException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("Cannot assign requested address")) {
            return "EADDRNOTAVAIL";
        }
        if (message.contains("Permission denied")) {
            return "EACCES";
        }
        return message;
    }
}
