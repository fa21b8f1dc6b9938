package io.jsupervisor.rest.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ResourceMeter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** {@code GET /metrics}: Prometheus text exposition format 0.0.4. */
public class MetricsServlet extends MeasuredServlet {
    private static final long serialVersionUID = 1L;
    static final String PATH = "/metrics";

    private final transient MetricsRenderer renderer;

    public MetricsServlet(ProcessManager pm, Telemetry telemetry, ResourceMeter meter) {
        super(telemetry.http, PATH);
        this.renderer = new MetricsRenderer(pm, telemetry, meter);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = renderer.render().getBytes(StandardCharsets.UTF_8);
        resp.setContentType("text/plain;version=0.0.4;charset=utf-8");
        resp.setHeader("Cache-Control", "no-store");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
