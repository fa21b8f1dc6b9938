package io.jsupervisor.itests.events;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import io.jsupervisor.itests.Distribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * The distribution's bundle set for a Pax Exam (native Felix) framework, as in {@code FrameworkBootTest}, with
 * a supervisord.conf of the test's own (its [supervisord] section is written here).
 */
final class PaxFramework {
    private PaxFramework() {
    }

    /** Writes {@code dir/supervisord.conf} ({@code sections} after [supervisord]) and returns the options. */
    static List<Option> options(Path dir, String sections) throws IOException {
        Path conf = dir.resolve("supervisord.conf");
        Files.writeString(conf, """
                [supervisord]
                logfile = %s/supervisord.log
                loglevel = debug
                pidfile = %s/supervisord.pid
                childlogdir = %s
                nodaemon = true
                identifier = paxid

                %s
                """.formatted(dir, dir, dir, sections));
        List<Option> options = new ArrayList<>(List.of(
                systemProperty("org.ops4j.pax.url.mvn.localRepository")
                        .value(System.getProperty("jsupervisor.m2", System.getProperty("user.home") + "/.m2/repository")),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value(System.getProperty("paxexam.log", "WARN")),
                frameworkProperty("jsupervisor.config").value(conf.toString()),
                frameworkProperty("jsupervisor.option.nodaemon").value("true"),
                systemPackage("sun.misc"),
                frameworkProperty("org.apache.felix.http.enable").value("false"),
                frameworkProperty("org.apache.felix.https.enable").value("false"),
                mavenBundle("org.osgi", "org.osgi.service.component").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.function").versionAsInProject(),
                mavenBundle("org.osgi", "org.osgi.util.promise").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.log").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.eventadmin").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.metatype").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.scr").versionAsInProject(),
                mavenBundle("org.ow2.asm", "asm").versionAsInProject(),
                mavenBundle("org.ow2.asm", "asm-commons").versionAsInProject(),
                mavenBundle("org.ow2.asm", "asm-tree").versionAsInProject(),
                mavenBundle("org.ow2.asm", "asm-analysis").versionAsInProject(),
                mavenBundle("org.ow2.asm", "asm-util").versionAsInProject(),
                mavenBundle("org.apache.aries.spifly", "org.apache.aries.spifly.dynamic.bundle").versionAsInProject(),
                mavenBundle("org.slf4j", "slf4j-api").versionAsInProject(),
                mavenBundle("org.slf4j", "slf4j-simple").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.http.servlet-api").versionAsInProject(),
                mavenBundle("commons-io", "commons-io").versionAsInProject(),
                mavenBundle("commons-fileupload", "commons-fileupload").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.http.jetty12").versionAsInProject(),
                mavenBundle("org.eclipse.jetty", "jetty-unixdomain-server").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.runtime").versionAsInProject(),
                mavenBundle("org.apache.felix", "org.apache.felix.gogo.command").versionAsInProject(),
                junitBundles(),
                cleanCaches()));
        for (Path jar : Distribution.ourBundles()) {
            options.add(bundle(jar.toUri().toString()));
        }
        return options;
    }

    /** The lines of a record file (none yet when it does not exist). */
    static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
