package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.ProcessManager;
import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /mainlogtail} on the servlet whiteboard. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern({"/mainlogtail", "/mainlogtail/*"})
public class MainLogTailComponent extends LogTailServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public MainLogTailComponent(@Reference ProcessManager pm) {
        super(pm, true);
    }

    @Deactivate
    void deactivate() {
        stop();
    }
}
