package io.jsupervisor.rpc.xml.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.concurrent.TimeUnit;

/**
 * Changes a file's owner by numeric ids. The JDK looks principals up by name only, so the ids are
 * mapped to names through {@code getent}; an id without a name falls back to {@code chown}.
 */
final class Chown {
    private Chown() {
    }

    static void apply(Path file, int uid, int gid) throws IOException {
        String user = uid == -1 ? null : name("passwd", uid);
        String group = gid == -1 ? null : name("group", gid);
        if ((uid != -1 && user == null) || (gid != -1 && group == null)) {
            run("chown", (uid == -1 ? "" : Integer.toString(uid)) + (gid == -1 ? "" : ":" + gid), file.toString());
            return;
        }
        UserPrincipalLookupService lookup = file.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (user != null) {
            UserPrincipal owner = lookup.lookupPrincipalByName(user);
            view.setOwner(owner);
        }
        if (group != null) {
            GroupPrincipal g = lookup.lookupPrincipalByGroupName(group);
            view.setGroup(g);
        }
    }

    /** The name of an id in the passwd or group database, or {@code null}. */
    private static String name(String database, int id) throws IOException {
        String line = run("getent", database, Integer.toString(id));
        int colon = line.indexOf(':');
        return colon > 0 ? line.substring(0, colon) : null;
    }

    private static String run(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0 && command[0].equals("chown")) {
            throw new IOException("chown failed: " + out);
        }
        return p.exitValue() == 0 ? out : "";
    }
}
