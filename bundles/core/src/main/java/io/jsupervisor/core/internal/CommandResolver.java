package io.jsupervisor.core.internal;

import io.jsupervisor.api.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Finds the file a command runs, with the reference's checks and messages (get_execv_args). */
final class CommandResolver {
    static final String DEFAULT_PATH = "/bin:/usr/bin:/usr/local/bin";

    /** The program file and the whole argv (argv[0] as written). */
    record Resolved(String file, List<String> argv) {
    }

    private CommandResolver() {
    }

    /**
     * @param searchPath the PATH of the merged [supervisord] + program environment, else the daemon's
     */
    static Resolved resolve(String command, String searchPath) throws SpawnError {
        List<String> argv;
        try {
            argv = ShellWords.split(command);
        } catch (IllegalArgumentException e) {
            throw new SpawnError(Fault.NOT_EXECUTABLE, "bad command " + pyRepr(command) + ": " + e.getMessage());
        }
        if (argv.isEmpty()) {
            throw new SpawnError(Fault.NOT_EXECUTABLE, "bad command " + pyRepr(command));
        }
        String program = argv.get(0);
        String filename = program;
        PosixFileAttributes st = null;
        if (program.contains("/")) {
            st = stat(program);
        } else {
            for (String dir : searchPath.split(":", -1)) {
                String found = dir.isEmpty() ? program : dir + "/" + program;
                st = stat(found);
                if (st != null) {
                    filename = found;
                    break;
                }
            }
        }
        if (st == null) {
            throw new SpawnError(Fault.NO_FILE, "can't find command " + pyRepr(filename));
        }
        if (st.isDirectory()) {
            throw new SpawnError(Fault.NOT_EXECUTABLE, "command at " + pyRepr(filename) + " is a directory");
        }
        Set<PosixFilePermission> p = st.permissions();
        if (!p.contains(PosixFilePermission.OWNER_EXECUTE) && !p.contains(PosixFilePermission.GROUP_EXECUTE)
                && !p.contains(PosixFilePermission.OTHERS_EXECUTE)) {
            throw new SpawnError(Fault.NOT_EXECUTABLE, "command at " + pyRepr(filename) + " is not executable");
        }
        if (!Files.isExecutable(Path.of(filename))) {
            throw new SpawnError(Fault.NOT_EXECUTABLE, "no permission to run command " + pyRepr(filename));
        }
        return new Resolved(filename, argv);
    }

    /** PATH for the search: the merged configured environment's, else the daemon's, else the default. */
    static String searchPath(Map<String, String> configured, Map<String, String> daemonEnv) {
        String p = configured.get("PATH");
        if (p == null) {
            p = daemonEnv.get("PATH");
        }
        return p == null ? DEFAULT_PATH : p;
    }

    private static PosixFileAttributes stat(String file) {
        try {
            return Files.readAttributes(Path.of(file), PosixFileAttributes.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Python's repr of a str, as the reference's messages use (%r). */
    static String pyRepr(String s) {
        boolean dq = s.contains("'") && !s.contains("\"");
        char q = dq ? '"' : '\'';
        StringBuilder b = new StringBuilder().append(q);
        for (char c : s.toCharArray()) {
            if (c == '\\' || c == q) {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c == '\t') {
                b.append("\\t");
            } else if (c == '\r') {
                b.append("\\r");
            } else {
                b.append(c);
            }
        }
        return b.append(q).toString();
    }
}
