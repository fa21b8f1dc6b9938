package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.web.ui.WebConsolePlugin;
import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The JSupervisor tab as a Web Console 5 plugin: a plain {@link Servlet} service with the console's
 * {@code felix.webconsole.*} properties and no whiteboard pattern (the console, not the HTTP whiteboard, serves
 * it, behind its security provider). Needs no console API, so web-ui still runs without the console.
 */
@Component(service = Servlet.class)
@WebConsolePlugin(label = ConsolePluginServlet.LABEL, title = ConsolePluginServlet.TITLE,
        category = ConsolePluginServlet.TITLE)
public class ConsolePluginComponent extends ConsolePluginServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public ConsolePluginComponent(@Reference ProcessManager pm) {
        super(pm);
    }
}
