package io.jsupervisor.web.ui.internal;

import io.jsupervisor.rpc.xml.HttpAuth;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code /ok.html} on the servlet whiteboard; needs no core, so it answers even before the core is up. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/ok.html")
public class OkComponent extends OkServlet {
    private static final long serialVersionUID = 1L;

    /** Served only behind the credentials check (see {@link HttpAuth}). */
    @Reference(target = HttpAuth.TARGET)
    private transient Filter authGate;
}
