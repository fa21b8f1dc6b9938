package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.ProcessManager;
import jakarta.servlet.Servlet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /logtail/<namespec>[/<channel>]} on the servlet whiteboard. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/logtail/*")
public class LogTailComponent extends LogTailServlet {
    private static final long serialVersionUID = 1L;

    @Activate
    public LogTailComponent(@Reference ProcessManager pm) {
        super(pm, false);
    }

    @Deactivate
    void deactivate() {
        stop();
    }
}
