package io.jsupervisor.launcher;

import io.jsupervisor.launcher.internal.Daemonizer;
import io.jsupervisor.launcher.internal.Launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code bin/supervisord}: the reference's command line on top of an embedded Felix framework.
 * The script passes {@code -Djsupervisor.home=<distribution dir>} and {@code -Djsupervisor.argv0="$0"}.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        String cwd = System.getProperty(Daemonizer.CWD_PROPERTY);
        String status = System.getProperty(Daemonizer.STATUS_PROPERTY);
        Launcher.Environment env = new Launcher.Environment(
                home(),
                System.getProperty("jsupervisor.argv0", "supervisord"),
                cwd != null ? Path.of(cwd) : Path.of("").toAbsolutePath(),
                status != null ? Path.of(status) : null,
                System.getenv(),
                Path.of(System.getProperty("user.home")));
        System.exit(new Launcher(env).run(List.of(args)));
    }

    /** The distribution directory: given by the script, else the parent of the directory holding our jar. */
    private static Path home() {
        String home = System.getProperty("jsupervisor.home");
        if (home != null) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }
}
