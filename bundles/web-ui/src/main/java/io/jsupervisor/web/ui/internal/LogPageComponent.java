package io.jsupervisor.web.ui.internal;

import io.jsupervisor.rpc.xml.HttpAuth;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code /log.html} on the servlet whiteboard. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/log.html")
public class LogPageComponent extends LogPageServlet {
    private static final long serialVersionUID = 1L;

    /** Served only behind the credentials check (see {@link HttpAuth}). */
    @Reference(target = HttpAuth.TARGET)
    private transient Filter authGate;
}
