package io.jsupervisor.rest.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ResourceMeter;
import io.jsupervisor.rpc.xml.HttpAuth;
import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code /metrics} on the servlet whiteboard (behind rpc-xml's basic-auth filter on {@code /*}). */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(MetricsServlet.PATH)
public class MetricsComponent extends MetricsServlet {
    private static final long serialVersionUID = 1L;

    /** Served only behind the credentials check (see {@link HttpAuth}). */
    @Reference(target = HttpAuth.TARGET)
    private transient Filter authGate;

    @Activate
    public MetricsComponent(@Reference ProcessManager pm, @Reference Telemetry telemetry,
                            @Reference ResourceMeter meter) {
        super(pm, telemetry, meter);
    }
}
