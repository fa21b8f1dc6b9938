package io.jsupervisor.web.ui.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.rpc.xml.HttpAuth;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code /status.events} (server-sent events) on the servlet whiteboard; checks for changes every second. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/status.events")
@HttpWhiteboardServletAsyncSupported
public class StatusEventsComponent extends StatusEventsServlet {
    private static final long serialVersionUID = 1L;

    /** Served only behind the credentials check (see {@link HttpAuth}). */
    @Reference(target = HttpAuth.TARGET)
    private transient Filter authGate;

    @Activate
    public StatusEventsComponent(@Reference ProcessManager pm) {
        super(pm, 1000);
    }

    @Deactivate
    void deactivate() {
        stop();
    }
}
