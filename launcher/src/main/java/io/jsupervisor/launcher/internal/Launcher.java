package io.jsupervisor.launcher.internal;

import io.jsupervisor.config.ConfigException;
import io.jsupervisor.config.ConfigLoader;
import io.jsupervisor.config.ConfigLocator;
import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.LoadContext;
import io.jsupervisor.config.SupervisorConfig;
import org.osgi.framework.Bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What {@code bin/supervisord} does: read the command line, find and check the config (a bad one stops here, exit
 * 2, nothing started), refuse a second instance, then either detach (see {@link Daemonizer}) or run the bundles in
 * this JVM until the core stops the framework.
 */
public final class Launcher {
    private static final long HTTP_READY_TIMEOUT_MILLIS = 30_000;

    private final Environment env;
    /** The daemon half tells the starting command once. */
    private boolean reported;
    /** Held so that the level set on it stays (JUL keeps loggers weakly). */
    private final java.util.logging.Logger spiFlyLogger = java.util.logging.Logger.getLogger("org.apache.aries.spifly");

    /** Where the launcher stands; from system properties set by {@code bin/supervisord}. */
    public record Environment(Path home, String argv0, Path workingDirectory, Path statusFile,
                              Map<String, String> variables, Path userHome) {
        boolean isDaemonHalf() {
            return statusFile != null;
        }
    }

    public Launcher(Environment env) {
        this.env = env;
    }

    /** @return the process exit status */
    public int run(List<String> args) {
        // the daemon half has /dev/null as stderr: collect what the starting command must print
        ByteArrayOutputStream collected = new ByteArrayOutputStream();
        PrintStream err = env.isDaemonHalf() ? new PrintStream(collected, true, StandardCharsets.UTF_8) : System.err;
        int status;
        try {
            status = runChecked(args, err, collected);
        } catch (UsageException e) {
            err.println("Error: " + e.getMessage());
            err.println("For help, use " + env.argv0() + " -h");
            status = 2;
        } catch (IOException | RuntimeException e) {
            err.println("Error: " + e);
            status = 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 1;
        }
        if (env.isDaemonHalf() && status != 0) {
            report(status, collected);
        }
        return status;
    }

    private int runChecked(List<String> args, PrintStream err, ByteArrayOutputStream collected)
            throws UsageException, IOException, InterruptedException {
        StartupTimer timer = new StartupTimer(err);
        timer.mark("launcher main");
        CommandLine commandLine = new CommandLineParser(env.workingDirectory(), env.userHome()).parse(args);
        switch (commandLine.action()) {
            case HELP -> {
                System.out.print(HelpText.forProgram(env.argv0()));
                return 0;
            }
            case VERSION -> {
                System.out.println(HelpText.VERSION);
                return 0;
            }
            default -> {
            }
        }
        // without -c: the reference's search order, HERE being the distribution directory
        Path configFile = commandLine.configFile() != null ? commandLine.configFile()
                : ConfigLocator.locate(env.home(), env.workingDirectory())
                .map(p -> p.toAbsolutePath().normalize())
                .orElseThrow(() -> new UsageException(ConfigLocator.notFoundMessage(env.home(), env.workingDirectory())));
        SupervisorConfig config = load(configFile, commandLine);
        timer.mark("config loaded");
        RlimitCheck.check(config.supervisord()); // minfds/minprocs: refused here, before daemonizing
        boolean nodaemon = config.supervisord().nodaemon();
        if (!env.isDaemonHalf()) {
            new AlreadyRunningCheck(ProcessHandle.current().pid()).check(config);
            if (!nodaemon) {
                return new Daemonizer(err).detach(args, env.workingDirectory(), config.supervisord().directory(),
                        config.supervisord().umask());
            }
        }
        return runFramework(config, commandLine, nodaemon, err, collected, timer);
    }

    private SupervisorConfig load(Path configFile, CommandLine commandLine) throws UsageException {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "localhost";
        }
        LoadContext context = new LoadContext(env.variables(), host, env.workingDirectory(), commandLine.overrides());
        try {
            return ConfigLoader.load(configFile, context);
        } catch (ConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private int runFramework(SupervisorConfig config, CommandLine commandLine, boolean nodaemon, PrintStream err,
                             ByteArrayOutputStream collected, StartupTimer timer)
            throws IOException, InterruptedException {
        boolean interactive = nodaemon && !env.isDaemonHalf() && hasTerminal()
                && !"false".equals(System.getProperty("jsupervisor.shell"));
        quietThirdPartyLogging();
        Path storage = Files.createTempDirectory("jsupervisor-felix-");
        Map<String, String> properties = FrameworkProperties.of(config, commandLine, storage, env.home(),
                env.workingDirectory(), interactive);
        EmbeddedFramework framework = new EmbeddedFramework(properties, storage);
        Thread hook = new Thread(framework::stop, "jsupervisor-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            List<Bundle> inactive = framework.start(BundleSet.scan(env.home().resolve("bundle"), interactive));
            timer.mark("framework started");
            for (Bundle bundle : inactive) {
                err.println("WARN bundle " + bundle.getSymbolicName() + " " + bundle.getVersion()
                        + " is not active (state " + stateName(bundle.getState()) + ")");
            }
            if (env.isDaemonHalf()) {
                awaitHttp(config, err, framework::isActive);
                if (!framework.isActive()) {
                    err.println("Error: supervisord stopped while starting; see its log file");
                    return 1;
                }
                report(0, collected);
            }
            framework.awaitStop();
            return 0;
        } catch (org.osgi.framework.BundleException e) {
            err.println("Error: cannot start the OSGi framework: " + e.getMessage());
            return 1;
        } finally {
            framework.stop();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException alreadyExiting) {
                // the hook is running or has run
            }
        }
    }

    /** The starting command returns once the configured HTTP server accepts connections. */
    private static void awaitHttp(SupervisorConfig config, PrintStream err, java.util.function.BooleanSupplier running)
            throws InterruptedException {
        if (config.inetHttpServers().isEmpty()) {
            return;
        }
        InetHttpServerSpec server = config.inetHttpServers().get(0);
        String host = server.host() == null || server.host().isEmpty() || server.host().equals("*")
                ? "127.0.0.1" : server.host();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HTTP_READY_TIMEOUT_MILLIS);
        while (System.nanoTime() < deadline && running.getAsBoolean()) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, server.port()), 500);
                return;
            } catch (IOException notYet) {
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }
        err.println("WARN the HTTP server on " + host + ":" + server.port() + " did not open within "
                + HTTP_READY_TIMEOUT_MILLIS / 1000 + " s");
    }

    private void report(int status, ByteArrayOutputStream collected) {
        if (reported) {
            return; // the starting command has its answer and is gone; a second file would be left behind
        }
        reported = true;
        try {
            DaemonStatus.write(env.statusFile(), status, collected.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the starting command gave up waiting or is gone; nothing else can be told
        }
    }

    /** Jetty and friends (slf4j-simple) and SPI Fly (JUL): only warnings, unless the user says otherwise. */
    private void quietThirdPartyLogging() {
        spiFlyLogger.setLevel(java.util.logging.Level.WARNING);
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        // "Jetty not started (HTTP and HTTPS disabled)" is what a config without [inet_http_server] asks for
        if (System.getProperty("org.slf4j.simpleLogger.log.org.apache.felix.http") == null) {
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.felix.http", "error");
        }
    }

    /** A real terminal (on JDK 22+ System.console() exists even without one; isTerminal() tells). */
    private static boolean hasTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = java.io.Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 17-21: a console object means a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }

    private static String stateName(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> Integer.toString(state);
        };
    }
}
