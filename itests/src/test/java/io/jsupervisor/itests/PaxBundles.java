package io.jsupervisor.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ops4j.pax.exam.Option;

/**
 * The distribution's bundle set for a Pax Exam (native Felix) framework running the daemon on {@code conf}:
 * the framework services, Felix HTTP (its listener off), Gogo, and our bundles as built into the distribution.
 * One list for every Pax Exam test, so they all boot what operators run.
 */
public final class PaxBundles {
    private PaxBundles() {
    }

    public static List<Option> daemonOn(Path conf) throws IOException {
        List<Option> options = new ArrayList<>(List.of(
                systemProperty("org.ops4j.pax.url.mvn.localRepository")
                        .value(System.getProperty("jsupervisor.m2", System.getProperty("user.home") + "/.m2/repository")),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value(System.getProperty("paxexam.log", "WARN")),
                frameworkProperty("jsupervisor.config").value(conf.toString()),
                frameworkProperty("jsupervisor.option.nodaemon").value("true"),
                // appended to Pax Exam's own extra system packages (replacing them breaks its probe lookup)
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
}
