package io.jsupervisor.core.internal;

import io.jsupervisor.api.LogStore;
import io.jsupervisor.api.MainLogSink;
import io.jsupervisor.api.OutputSink;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorEventListener;
import io.jsupervisor.config.ConfigException;
import io.jsupervisor.config.ConfigLoader;
import io.jsupervisor.config.LoadContext;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The daemon inside the framework: loads the configuration named by the framework property
 * {@code jsupervisor.config} (with {@code jsupervisor.option.<name>} overrides; {@code jsupervisor.rlimit.nofile}:
 * the NOFILE soft limit the user started us with), runs the engine,
 * registers {@link ProcessManager} once the groups exist, handles TERM/INT/HUP/USR2 and stops the
 * framework when an ordered shutdown is over. Deactivation stops every child in order first.
 */
@Component(immediate = true, service = {})
public final class SupervisordComponent {
    static final String CONFIG_PROPERTY = "jsupervisor.config";
    static final String OPTION_PREFIX = "jsupervisor.option.";
    static final String WORKDIR_PROPERTY = "jsupervisor.workdir";
    /** The NOFILE soft limit before the JVM raised it ({@code ulimit -Sn} in bin/supervisord). */
    static final String NOFILE_PROPERTY = "jsupervisor.rlimit.nofile";
    /** The [supervisord] options the command line can override. */
    static final List<String> OPTIONS = List.of("logfile", "logfile_maxbytes", "logfile_backups", "loglevel",
            "pidfile", "umask", "nodaemon", "silent", "minfds", "minprocs", "nocleanup", "childlogdir", "user",
            "directory", "strip_ansi", "identifier");

    private final Engine engine;
    private final SignalHandlers signals;
    private volatile Engine.ConfigSource source;
    /** Set when DS deactivates us: then the end of the shutdown must not stop the framework. */
    private volatile boolean deactivating;
    private BundleContext context;
    private ServiceRegistration<ProcessManager> registration;

    /**
     * The engine exists before DS binds the whiteboard services (bind methods run before activate), so
     * sinks and listeners already registered see the very first log lines and events.
     */
    public SupervisordComponent() {
        engine = new Engine(System.getenv(), ProcessHandle.current().pid(), () -> source.load(), true,
                this::stopFramework);
        signals = new SignalHandlers(engine);
    }

    @Activate
    void activate(BundleContext bundleContext) throws ConfigException {
        this.context = bundleContext;
        String file = bundleContext.getProperty(CONFIG_PROPERTY);
        if (file == null) {
            throw new ConfigException("framework property " + CONFIG_PROPERTY + " is not set");
        }
        Map<String, String> overrides = new HashMap<>();
        for (String o : OPTIONS) {
            String v = bundleContext.getProperty(OPTION_PREFIX + o);
            if (v != null) {
                overrides.put(o, v);
            }
        }
        LoadContext system = LoadContext.ofSystem();
        String workdir = bundleContext.getProperty(WORKDIR_PROPERTY); // where the user started us
        LoadContext loadContext = new LoadContext(system.environment(), system.hostName(),
                workdir != null ? Path.of(workdir) : system.workingDirectory(), overrides);
        Path path = Path.of(file);
        source = () -> ConfigLoader.load(path, loadContext);
        SupervisorConfig config = source.load();
        String nofile = bundleContext.getProperty(NOFILE_PROPERTY);
        if (nofile != null && !nofile.isBlank()) {
            try {
                engine.setOriginalNofileSoft(Rlimits.parse(nofile));
            } catch (NumberFormatException e) {
                // not a limit: judge on the current one
            }
        }
        engine.start(config);
        signals.install();
        registration = bundleContext.registerService(ProcessManager.class,
                new ProcessManagerImpl(engine, engine::logStore), null);
    }

    private void stopFramework() {
        if (deactivating) {
            return;
        }
        // from a thread of our own: stopping the framework deactivates us, which waits for the engine
        Thread t = new Thread(() -> {
            try {
                context.getBundle(0).stop();
            } catch (BundleException | IllegalStateException e) {
                // already stopping
            }
        }, "jsupervisor-exit");
        t.start();
    }

    @Deactivate
    void deactivate() {
        deactivating = true;
        signals.uninstall();
        try {
            if (registration != null) {
                registration.unregister();
            }
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
        engine.close();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addOutputSink(OutputSink sink, Map<String, Object> properties) {
        engine.output.sinks().add(sink, Whiteboard.keyOf(sink, properties));
    }

    void removeOutputSink(OutputSink sink) {
        engine.output.sinks().remove(sink);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMainLogSink(MainLogSink sink, Map<String, Object> properties) {
        engine.log.sinks().add(sink, Whiteboard.keyOf(sink, properties));
    }

    void removeMainLogSink(MainLogSink sink) {
        engine.log.sinks().remove(sink);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEventListener(SupervisorEventListener listener, Map<String, Object> properties) {
        engine.events.listeners().add(listener, Whiteboard.keyOf(listener, properties));
    }

    void removeEventListener(SupervisorEventListener listener) {
        engine.events.listeners().remove(listener);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setLogStore(LogStore store) {
        engine.setLogStore(store);
    }

    void unsetLogStore(LogStore store) {
        engine.unsetLogStore(store);
    }

    /** TERM/INT: shutdown; HUP: restart; USR2: reopen logs. */
    static final class SignalHandlers {
        private final Engine engine;
        private final Map<String, Object> previous = new HashMap<>();

        SignalHandlers(Engine engine) {
            this.engine = engine;
        }

        void install() {
            for (String name : List.of("TERM", "INT", "QUIT", "HUP", "USR2")) {
                try {
                    sun.misc.Signal sig = new sun.misc.Signal(name);
                    previous.put(name, sun.misc.Signal.handle(sig, s -> handle(name)));
                } catch (IllegalArgumentException | LinkageError e) {
                    // QUIT stays the JVM's thread dump unless it runs with -Xrs
                    engine.log.log(name.equals("QUIT") ? io.jsupervisor.config.LogLevel.BLATHER
                            : io.jsupervisor.config.LogLevel.WARN,
                            "could not install a handler for SIG" + name + ": " + e);
                }
            }
        }

        void uninstall() {
            for (Map.Entry<String, Object> e : previous.entrySet()) {
                try {
                    sun.misc.Signal.handle(new sun.misc.Signal(e.getKey()), (sun.misc.SignalHandler) e.getValue());
                } catch (IllegalArgumentException | LinkageError ex) {
                    // leave it
                }
            }
            previous.clear();
        }

        private void handle(String name) {
            engine.onSignal(name);
        }
    }
}
