package io.jsupervisor.rpc.xml.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.util.HostPort;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.unixdomain.server.UnixDomainServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A Jetty server on the {@code [unix_http_server]} socket, made as the reference makes it: bind to
 * {@code <file>.<pid>}, chmod and chown that, then hard-link it to {@code <file>}, so the socket is
 * never reachable under its public name with the wrong permissions. An existing {@code <file>} that
 * answers a connection is another server (we refuse to start); one that does not is stale and is
 * removed. The file is removed when the server closes.
 */
final class UnixSocketServer implements AutoCloseable {
    private final Path file;
    private final int chmod;
    private final int uid;
    private final int gid;
    private final Server server;

    /** {@code uid}/{@code gid} -1 leave the owner unchanged. */
    UnixSocketServer(Path file, int chmod, int uid, int gid, Handler handler) {
        this.file = file;
        this.chmod = chmod;
        this.uid = uid;
        this.gid = gid;
        QueuedThreadPool threads = new QueuedThreadPool(64, 2);
        threads.setName("jsupervisor-unix-http");
        server = new Server(threads);
        server.setHandler(handler);
    }

    void start() throws Exception {
        Path bound = file.resolveSibling(file.getFileName() + "." + ProcessHandle.current().pid());
        Files.deleteIfExists(bound);
        HttpConfiguration http = new HttpConfiguration();
        // a socket has no host name: without this, Jetty answers 400 to requests with an empty or no
        // Host header, which supervisorctl's tail -f sends over unix sockets
        http.setServerAuthority(new HostPort("localhost"));
        http.setSendServerVersion(false);
        UnixDomainServerConnector connector = new UnixDomainServerConnector(server, new BlankHostConnectionFactory(http));
        connector.setUnixDomainPath(bound);
        connector.setAcceptQueueSize(1024);
        server.addConnector(connector);
        server.start();
        try {
            Files.setPosixFilePermissions(bound, permissions(chmod));
            if (uid != -1 || gid != -1) {
                Chown.apply(bound, uid, gid);
            }
            publish(bound);
        } catch (IOException | RuntimeException e) {
            server.stop();
            throw e;
        } finally {
            Files.deleteIfExists(bound); // the public name (if linked) keeps the socket
        }
    }

    private void publish(Path bound) throws IOException {
        try {
            Files.createLink(file, bound);
        } catch (FileAlreadyExistsException e) {
            if (answers(file)) {
                throw new IOException("Another program is already listening on " + file
                        + ": shut it down first", e);
            }
            Files.delete(file); // stale socket of a previous run
            Files.createLink(file, bound);
        }
    }

    /** True when something accepts connections on the socket file. */
    static boolean answers(Path socket) {
        try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            ch.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {
            PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ,
        };
        for (int bit = 0; bit < order.length; bit++) {
            if ((mode & (1 << bit)) != 0) {
                perms.add(order[bit]);
            }
        }
        return perms;
    }

    @Override
    public void close() throws Exception {
        try {
            server.stop();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
