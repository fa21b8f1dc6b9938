package io.jsupervisor.launcher.internal;

import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.SupervisorConfig;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The Felix framework properties for one run: where things are, what to serve, and what the user asked for. */
public final class FrameworkProperties {
    /** Start levels: framework services, then our bundles, then hot-deployed ones and the shell. */
    public static final int LEVEL_SERVICES = 1;
    public static final int LEVEL_JSUPERVISOR = 2;
    public static final int LEVEL_LATE = 3;

    private FrameworkProperties() {
    }

    /**
     * @param storage     the framework cache, private to this run
     * @param home        the distribution directory
     * @param workingDir  the directory the user started us in (relative paths of the config are relative to it)
     * @param interactive whether a Gogo shell will talk to the terminal
     */
    public static Map<String, String> of(SupervisorConfig config, CommandLine commandLine, Path storage, Path home,
                                         Path workingDir, boolean interactive) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("org.osgi.framework.storage", storage.toString());
        p.put("org.osgi.framework.storage.clean", "onFirstInit");
        p.put("org.osgi.framework.startlevel.beginning", Integer.toString(LEVEL_LATE));
        p.put("felix.startlevel.bundle", Integer.toString(LEVEL_LATE));
        // core handles TERM/INT/HUP/USR2 through sun.misc.Signal
        p.put("org.osgi.framework.system.packages.extra", "sun.misc");
        p.put("felix.log.level", "1");

        http(config, p);
        // the Web Console waits for web-ui's provider (registered only when [inet_http_server] has
        // credentials) and never offers its built-in admin/admin login
        p.put("felix.webconsole.security.providers", "jsupervisor");

        p.put("gosh.args", interactive ? "" : "--nointeractive");
        p.put("felix.fileinstall.dir", home.resolve("load").toString());
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.poll", "2000");
        p.put("felix.fileinstall.start.level", Integer.toString(LEVEL_LATE));
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.log.level", "1");

        p.put("jsupervisor.home", home.toString());
        p.put("jsupervisor.workdir", workingDir.toString());
        p.put("jsupervisor.config", config.configFile().toAbsolutePath().toString());
        commandLine.overrides().forEach((name, value) -> p.put("jsupervisor.option." + name, value));
        return p;
    }

    /** Felix HTTP serves what the first [inet_http_server] asks for, and nothing when there is none. */
    private static void http(SupervisorConfig config, Map<String, String> p) {
        p.put("org.apache.felix.https.enable", "false");
        if (config.inetHttpServers().isEmpty()) {
            p.put("org.apache.felix.http.enable", "false");
            return;
        }
        InetHttpServerSpec server = config.inetHttpServers().get(0);
        String host = server.host() == null || server.host().isEmpty() || server.host().equals("*")
                ? "0.0.0.0" : server.host();
        p.put("org.apache.felix.http.enable", "true");
        p.put("org.osgi.service.http.port", Integer.toString(server.port()));
        p.put("org.apache.felix.http.host", host);
        p.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        p.put("org.apache.felix.http.jetty.acceptQueueSize", "1024"); // the reference's listen backlog
    }
}
