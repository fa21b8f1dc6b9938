package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessManager;
import java.util.Dictionary;
import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * Turns the Felix Web Console on only when {@code [inet_http_server]} has a username and password: the
 * launcher sets {@code felix.webconsole.security.providers=jsupervisor}, so the console waits for our
 * provider (and never offers its admin/admin login). Without credentials no provider is registered and the
 * console stays off. Registered by hand (not as a DS service) because whether it exists depends on the
 * configuration, and because the console's SPI package is an optional import.
 */
@Component(immediate = true, service = {})
public class ConsoleSecurityComponent {
    static final String OFF_MESSAGE = "Web console off: [inet_http_server] has no username/password";

    private final ServiceRegistration<?> registration;

    @Activate
    public ConsoleSecurityComponent(BundleContext context, @Reference ProcessManager pm,
                                    @Reference(service = LoggerFactory.class,
                                            cardinality = ReferenceCardinality.OPTIONAL) Logger logger) {
        this.registration = register(context, pm, logger);
    }

    private static ServiceRegistration<?> register(BundleContext context, ProcessManager pm, Logger logger) {
        if (ConsoleCredentials.of(pm.configuration()).isEmpty()) {
            log(logger, OFF_MESSAGE);
            return null;
        }
        try {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put("webconsole.security.provider.id", ConsoleSecurityProvider.ID);
            return context.registerService("org.apache.felix.webconsole.spi.SecurityProvider",
                    new ConsoleSecurityProvider(pm), props);
        } catch (NoClassDefFoundError e) {
            return null; // the console is not installed: nothing to secure
        }
    }

    /**
     * Other bundles have no way into the main log (core owns it; OSGi Log entries are not forwarded), so the
     * line goes to stderr, where the user of a foreground daemon sees it, and to the OSGi Log for shell users.
     */
    private static void log(Logger logger, String message) {
        if (logger != null) {
            logger.warn(message);
        }
        System.err.println(message);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it while stopping the bundle
            }
        }
    }
}
