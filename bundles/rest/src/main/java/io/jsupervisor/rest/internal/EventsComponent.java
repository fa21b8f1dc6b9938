package io.jsupervisor.rest.internal;

import io.jsupervisor.rpc.xml.HttpAuth;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code /api/v1/events} (exact, so it wins over {@code /api/v1/*}) on the servlet whiteboard. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(EventsServlet.PATH)
@HttpWhiteboardServletAsyncSupported
public class EventsComponent extends EventsServlet {
    private static final long serialVersionUID = 1L;

    /** Served only behind the credentials check (see {@link HttpAuth}). */
    @Reference(target = HttpAuth.TARGET)
    private transient Filter authGate;

    @Activate
    public EventsComponent(@Reference Telemetry telemetry) {
        super(telemetry);
    }
}
