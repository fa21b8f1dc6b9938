package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.rpc.xml.HttpAuth;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The status page on the servlet whiteboard. {@code /} is the default-servlet pattern: more specific
 * ones ({@code /RPC2}, {@code /logtail/*}, {@code /mainlogtail}, ours) still win, and the servlet
 * answers 404 for any other path it receives. One form token per activation, i.e. per daemon run.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/", "/index.html"})
@HttpWhiteboardServletAsyncSupported
public class StatusComponent extends StatusServlet {
    private static final long serialVersionUID = 1L;

    /** Served only behind the credentials check (see {@link HttpAuth}). */
    @Reference(target = HttpAuth.TARGET)
    private transient Filter authGate;

    @Activate
    public StatusComponent(@Reference ProcessManager pm) {
        super(pm);
    }
}
