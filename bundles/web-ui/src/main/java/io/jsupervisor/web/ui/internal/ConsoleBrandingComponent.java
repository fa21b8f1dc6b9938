package io.jsupervisor.web.ui.internal;

import java.util.Hashtable;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Registers {@link ConsoleBranding} for the Felix Web Console when the console's SPI package is there (it is an
 * optional import: registered by hand, like the security provider, so web-ui runs without the console).
 */
@Component(immediate = true, service = {})
public class ConsoleBrandingComponent {
    private final ServiceRegistration<?> registration;

    @Activate
    public ConsoleBrandingComponent(BundleContext context) {
        ServiceRegistration<?> r;
        try {
            r = context.registerService("org.apache.felix.webconsole.spi.BrandingPlugin", new ConsoleBranding(),
                    new Hashtable<>());
        } catch (NoClassDefFoundError e) {
            r = null; // no console installed
        }
        this.registration = r;
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered by the framework while the bundle stopped
            }
        }
    }
}
