package io.jsupervisor.config.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * User and group look-ups from {@code /etc/passwd} and {@code /etc/group} (no native calls, no
 * {@code id} process), with the reference's messages ({@code name_to_uid}, {@code name_to_gid}).
 */
final class PosixAccounts {
    private final Path passwd;
    private final Path group;

    PosixAccounts(Path etc) {
        this.passwd = etc.resolve("passwd");
        this.group = etc.resolve("group");
    }

    /** A user name or numeric id to a uid that exists. */
    int uidOf(String name) {
        Long id = asNumber(name);
        if (id == null) {
            String[] rec = find(passwd, 0, name);
            if (rec == null) {
                throw new Refusal("Invalid user name " + name);
            }
            return Integer.parseInt(rec[2]);
        }
        if (find(passwd, 2, Long.toString(id)) == null) {
            throw new Refusal("Invalid user id " + name);
        }
        return id.intValue();
    }

    /** A group name or numeric id to a gid that exists. */
    int gidOf(String name) {
        Long id = asNumber(name);
        if (id == null) {
            String[] rec = find(group, 0, name);
            if (rec == null) {
                throw new Refusal("Invalid group name " + name);
            }
            return Integer.parseInt(rec[2]);
        }
        if (find(group, 2, Long.toString(id)) == null) {
            throw new Refusal("Invalid group id " + name);
        }
        return id.intValue();
    }

    /** {@code colon_separated_user_group}: {@code user} gives (uid, -1), {@code user:group} (uid, gid). */
    int[] userAndGroup(String value) {
        try {
            int colon = value.indexOf(':');
            if (colon < 0) {
                return new int[] {uidOf(value), -1};
            }
            return new int[] {uidOf(value.substring(0, colon)), gidOf(value.substring(colon + 1))};
        } catch (Refusal e) {
            throw new Refusal("Invalid user:group definition " + value);
        }
    }

    String homeOf(String user) {
        String[] rec = find(passwd, 0, user);
        return rec == null || rec.length < 6 ? null : rec[5];
    }

    private static Long asNumber(String name) {
        try {
            return PyValues.pyInt(name, 10);
        } catch (Refusal e) {
            return null;
        }
    }

    private static String[] find(Path file, int field, String value) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            return null;
        }
        for (String line : lines) {
            String[] rec = line.split(":", -1);
            if (rec.length > 2 && rec[field].equals(value)) {
                return rec;
            }
        }
        return null;
    }
}
