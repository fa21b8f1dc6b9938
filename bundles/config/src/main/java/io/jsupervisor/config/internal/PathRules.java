package io.jsupervisor.config.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code os.path} rules the reference applies to paths ({@code expanduser}, {@code abspath},
 * {@code normpath}, {@code dirname}), with relative paths taken against the daemon's working directory
 * instead of the JVM's.
 */
final class PathRules {
    private final Path workingDirectory;
    private final Map<String, String> environment;
    private final PosixAccounts accounts;

    PathRules(Path workingDirectory, Map<String, String> environment, PosixAccounts accounts) {
        this.workingDirectory = workingDirectory;
        this.environment = environment;
        this.accounts = accounts;
    }

    String expandUser(String path) {
        if (!path.startsWith("~")) {
            return path;
        }
        int slash = path.indexOf('/');
        String user = slash < 0 ? path.substring(1) : path.substring(1, slash);
        String home = user.isEmpty() ? environment.getOrDefault("HOME", System.getProperty("user.home"))
                : accounts.homeOf(user);
        if (home == null) {
            return path;
        }
        home = home.equals("/") ? "" : home.replaceAll("/+$", "");
        String rest = slash < 0 ? "" : path.substring(slash);
        String out = home + rest;
        return out.isEmpty() ? "/" : out;
    }

    /** {@code os.path.normpath(os.path.abspath(os.path.expanduser(v)))}. */
    String normalize(String path) {
        return absolute(expandUser(path));
    }

    /** {@code os.path.abspath}: joined to the working directory when relative, then normalised. */
    String absolute(String path) {
        String joined = path.startsWith("/") ? path : workingDirectory.toString() + "/" + path;
        return normpath(joined);
    }

    static String normpath(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        int initial = path.startsWith("/") ? (path.startsWith("//") && !path.startsWith("///") ? 2 : 1) : 0;
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (p.isEmpty() || p.equals(".")) {
                continue;
            }
            if (!p.equals("..") || (initial == 0 && parts.isEmpty())
                    || (!parts.isEmpty() && parts.get(parts.size() - 1).equals(".."))) {
                parts.add(p);
            } else if (!parts.isEmpty()) {
                parts.remove(parts.size() - 1);
            }
        }
        String out = "/".repeat(initial) + String.join("/", parts);
        return out.isEmpty() ? "." : out;
    }

    static String dirname(String path) {
        String head = path.substring(0, path.lastIndexOf('/') + 1);
        if (!head.isEmpty() && !head.equals("/".repeat(head.length()))) {
            head = head.replaceAll("/+$", "");
        }
        return head;
    }

    boolean isDirectory(String path) {
        return Files.isDirectory(workingDirectory.resolve(path));
    }

    /** {@code existing_directory}: the {@code ~}-expanded value, which must be a directory. */
    String existingDirectory(String value) {
        String nv = expandUser(value);
        if (isDirectory(nv)) {
            return nv;
        }
        throw new Refusal(value + " is not an existing directory");
    }

    /** {@code existing_dirpath}: the {@code ~}-expanded value, whose directory part must exist. */
    String existingDirpath(String value) {
        String nv = expandUser(value);
        String dir = dirname(nv);
        if (dir.isEmpty() || isDirectory(dir)) {
            return nv;
        }
        throw new Refusal("The directory named as part of the path " + value + " does not exist");
    }

    /** {@code tempfile.gettempdir()}: TMPDIR, TEMP or TMP when it is a directory, else /tmp. */
    String tempDir() {
        for (String name : List.of("TMPDIR", "TEMP", "TMP")) {
            String v = environment.get(name);
            if (v != null && !v.isEmpty() && isDirectory(v)) {
                return absolute(v);
            }
        }
        return "/tmp";
    }
}
