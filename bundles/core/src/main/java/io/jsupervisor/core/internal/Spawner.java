package io.jsupervisor.core.internal;

import io.jsupervisor.config.ProcessSpec;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The only OS-specific code: starts a child through small exec helpers from util-linux and sends
 * signals with {@code /usr/bin/kill}. Every helper execs the next one, so the pid we get is the
 * program's pid. Call {@link #spawn} only from the engine thread: {@code --pdeathsig} fires when the
 * spawning thread ends, and the engine thread lives as long as the daemon.
 */
final class Spawner {
    static final String SETSID = "/usr/bin/setsid";
    static final String SETPRIV = "/usr/bin/setpriv";
    static final String SH = "/bin/sh";
    static final String KILL = "/usr/bin/kill";

    private final long ownUid = ownUid();
    // util-linux helpers; without them children still run, only without the matching guarantee
    private final boolean haveSetpriv = Files.isExecutable(Path.of(SETPRIV));
    private final boolean haveSetsid = Files.isExecutable(Path.of(SETSID));
    private final boolean havePrlimit = Files.isExecutable(Path.of(Rlimits.PRLIMIT));
    /** NOFILE limits the children get when they differ from the daemon's own; null: inherited. */
    private volatile Rlimits.Limit childNofile;

    void setChildNofile(Rlimits.Limit limit) {
        childNofile = limit;
    }

    /**
     * Starts the child. A directory or user the child could not switch to does not fail here: like the
     * reference's forked child, a stand-in writes the error to the child's stderr and exits 127.
     */
    Process spawn(ProcessSpec spec, CommandResolver.Resolved cmd, Map<String, String> env) throws IOException {
        List<String> argv = new ArrayList<>();
        if (haveSetpriv) {
            argv.add(SETPRIV);
            argv.add("--pdeathsig=TERM"); // children never outlive a SIGKILLed daemon
        }
        String failure = null;
        List<String> drop = new ArrayList<>(3);
        Integer uid = spec.uid();
        if (uid != null && uid != ownUid) {
            if (ownUid != 0) {
                failure = "couldn't setuid to " + uid + ": Can't drop privilege as nonroot user";
            } else if (!haveSetpriv) {
                failure = "couldn't setuid to " + uid + ": " + SETPRIV + " is missing";
            } else {
                drop.add("--reuid=" + uid);
                drop.add("--regid=" + primaryGid(uid));
                drop.add("--init-groups");
            }
        }
        // the daemon's NOFILE limit the reference's child would have (see Rlimits), and the program's rlimit_*
        List<String> limits = ChildRlimits.prlimitOptions(spec, childNofile);
        if (failure == null && !havePrlimit && ChildRlimits.configured(spec)) {
            failure = "couldn't set rlimits: " + Rlimits.PRLIMIT + " is missing";
        }
        if (limits.isEmpty() || !havePrlimit) {
            argv.addAll(drop);
        } else {
            argv.add(Rlimits.PRLIMIT);
            argv.addAll(limits);
            argv.add("--");
            if (!drop.isEmpty()) {
                // limits first, while still root (a hard limit can be raised), then the user; a change of
                // user clears the parent-death signal, so this setpriv sets it again
                argv.add(SETPRIV);
                argv.add("--pdeathsig=TERM");
                argv.addAll(drop);
            }
        }
        if (haveSetsid) {
            argv.add(SETSID); // own process group, so Ctrl-C / HUP to the daemon never reach it
        }
        File dir = null;
        if (failure == null && spec.directory() != null) {
            Path d = Path.of(spec.directory());
            if (!Files.exists(d)) {
                failure = "couldn't chdir to " + spec.directory() + ": ENOENT";
            } else if (!Files.isDirectory(d)) {
                failure = "couldn't chdir to " + spec.directory() + ": ENOTDIR";
            } else if (!Files.isExecutable(d)) {
                failure = "couldn't chdir to " + spec.directory() + ": EACCES";
            } else {
                dir = d.toFile();
            }
        }
        if (failure != null) {
            argv.add(SH);
            argv.add("-c");
            argv.add("printf '%s\\n' \"$1\" \"$2\" >&2; exit 127");
            argv.add("sh");
            argv.add("supervisor: " + failure);
            argv.add("supervisor: child process was not spawned");
        } else {
            if (spec.umask() != null) {
                argv.add(SH);
                argv.add("-c");
                argv.add(String.format("umask %03o; exec \"$0\" \"$@\"", spec.umask()));
            }
            argv.add(cmd.file());
            argv.addAll(cmd.argv().subList(1, cmd.argv().size()));
        }
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().clear();
        pb.environment().putAll(env);
        if (dir != null) {
            pb.directory(dir);
        }
        pb.redirectErrorStream(spec.redirectStderr());
        return pb.start();
    }

    /**
     * Sends {@code sig} to the process, or to its process group. Gone processes are not an error (the
     * exit handler deals with them).
     *
     * @return {@code null}, or the error text of a failed kill
     */
    String signal(Process process, int sig, boolean group) {
        if (!process.isAlive()) {
            return null;
        }
        if (!group && (sig == 15 || sig == 9)) {
            // the JDK sends exactly these two itself: no helper process needed. Through the handle: Process.destroy
            // would also close our ends of the child's pipes, and what it writes while it stops would be lost
            if (sig == 15) {
                process.toHandle().destroy();
            } else {
                process.toHandle().destroyForcibly();
            }
            return null;
        }
        long pid = process.pid();
        List<String> argv = group
                ? List.of(KILL, "-s", Integer.toString(sig), "--", "-" + pid)
                : List.of(KILL, "-s", Integer.toString(sig), Long.toString(pid));
        try {
            Process k = new ProcessBuilder(argv).redirectErrorStream(true).start();
            k.getOutputStream().close();
            byte[] out = k.getInputStream().readAllBytes();
            if (!k.waitFor(5, TimeUnit.SECONDS)) {
                k.destroyForcibly();
                return "kill timed out";
            }
            if (k.exitValue() != 0) {
                String text = new String(out, StandardCharsets.UTF_8).trim();
                return text.contains("No such process") ? null : text;
            }
            return null;
        } catch (IOException e) {
            if (group && (sig == 15 || sig == 9) && !groupMembers(pid).isEmpty()) {
                // no helper process (at the process limit, say): the JDK signals each member of the group itself
                groupMembers(pid).forEach(h -> {
                    if (sig == 9) {
                        h.destroyForcibly();
                    } else {
                        h.destroy();
                    }
                });
                return null;
            }
            return e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return e.toString();
        }
    }

    /** The live processes of process group {@code pgid}, from /proc (field 5 of stat). */
    static List<ProcessHandle> groupMembers(long pgid) {
        List<ProcessHandle> members = new ArrayList<>();
        ProcessHandle.allProcesses().forEach(h -> {
            try {
                String stat = Files.readString(Path.of("/proc/" + h.pid() + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                if (Long.parseLong(f[2]) == pgid && !f[0].equals("Z")) {
                    members.add(h);
                }
            } catch (IOException | RuntimeException e) {
                // gone meanwhile
            }
        });
        return members;
    }

    /**
     * Kills the daemon's children that run with exactly {@code env} and are not in {@code known}: a child the JDK
     * forked but then threw away, because it could not create the thread that waits for it (at the process limit).
     * Nothing else has that environment (SUPERVISOR_PROCESS_NAME and SUPERVISOR_GROUP_NAME name one process), and
     * the JDK returns only after the child's exec, so its environment is already the one it was given. No thread
     * or helper process is needed: SIGKILL through ProcessHandle. It stays a zombie, as nothing can reap it.
     *
     * @return the pids killed
     */
    List<Long> killStrays(Map<String, String> env, java.util.Set<Long> known) {
        List<Long> killed = new ArrayList<>();
        for (ProcessHandle child : ProcessHandle.current().children().toList()) {
            if (!known.contains(child.pid()) && env.equals(environment(child.pid())) && child.destroyForcibly()) {
                killed.add(child.pid());
            }
        }
        return killed;
    }

    /** The environment a process runs with, from /proc (empty when it cannot be read). */
    static Map<String, String> environment(long pid) {
        Map<String, String> env = new java.util.HashMap<>();
        try {
            String all = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/environ")), StandardCharsets.UTF_8);
            for (String entry : all.split("\0")) {
                int eq = entry.indexOf('=');
                if (eq > 0) {
                    env.put(entry.substring(0, eq), entry.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            // gone, or not ours
        }
        return env;
    }

    /** The primary gid of a uid from /etc/passwd (the uid itself when it has no entry). */
    static long primaryGid(long uid) {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
                String[] f = line.split(":");
                if (f.length > 3 && f[2].equals(Long.toString(uid))) {
                    return Long.parseLong(f[3]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return uid;
    }

    static long ownUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name")) ? 0 : -1;
        }
    }
}
