package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.UnixHttpServerSpec;
import io.jsupervisor.rpc.xml.RpcNamespace;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Servlet;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Serves the first {@code [unix_http_server]} of the running configuration: /RPC2, /logtail,
 * /mainlogtail and every servlet of the HTTP whiteboard's default context (the web UI, through
 * {@link WhiteboardRouter}) behind that section's credentials, on a Jetty of its own. Felix HTTP cannot carry it:
 * with {@code org.apache.felix.http.enable=false} (no inet server) Felix creates no Jetty at all, so a
 * {@code ConnectorFactory} would never be called. Uses the Jetty packages Felix HTTP jetty12 exports
 * plus the jetty-unixdomain-server bundle.
 */
@Component(immediate = true, service = {}, configurationPid = RpcConfig.PID)
public class UnixSocketComponent {
    private final MethodTable table;
    private final AtomicLong maxRequestBytes;
    private final List<LogTailServlet> tails;
    private final UnixSocketServer server;
    private final WhiteboardRouter pages = new WhiteboardRouter();

    @Activate
    public UnixSocketComponent(@Reference ProcessManager pm, RpcConfig config) throws Exception {
        table = new MethodTable(pm);
        maxRequestBytes = new AtomicLong(config.max_request_bytes());
        tails = List.of(new LogTailServlet(pm, false), new LogTailServlet(pm, true));
        Optional<UnixHttpServerSpec> spec = Optional.ofNullable(pm.configuration()).stream()
                .flatMap(c -> c.unixHttpServers().stream()).findFirst();
        if (spec.isEmpty()) {
            server = null;
            return;
        }
        UnixHttpServerSpec s = spec.get();
        server = new UnixSocketServer(Path.of(s.file()), s.chmod(), s.chownUid(), s.chownGid(),
                context(pm::configuration));
        server.start();
    }

    private ServletContextHandler context(java.util.function.Supplier<SupervisorConfig> config) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        ServletHolder rpc = new ServletHolder(new RpcServlet(table.dispatcher(), maxRequestBytes::get));
        rpc.setAsyncSupported(true);
        context.addServlet(rpc, "/RPC2");
        context.addServlet(rpc, "/RPC2/*");
        context.addServlet(new ServletHolder(tails.get(0)), "/logtail/*");
        ServletHolder main = new ServletHolder(tails.get(1));
        context.addServlet(main, "/mainlogtail");
        context.addServlet(main, "/mainlogtail/*");
        ServletHolder whiteboard = new ServletHolder(pages);
        whiteboard.setAsyncSupported(true); // the web UI's event stream
        context.addServlet(whiteboard, "/");
        FilterHolder auth = new FilterHolder(new BasicAuthFilter(ServerCredentials.unix(config)));
        auth.setAsyncSupported(true);
        context.addFilter(auth, "/*", EnumSet.of(DispatcherType.REQUEST));
        return context;
    }

    @Modified
    void modified(RpcConfig config) {
        maxRequestBytes.set(config.max_request_bytes());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addNamespace(RpcNamespace namespace, Map<String, Object> properties) {
        table.add(namespace, properties);
    }

    void removeNamespace(RpcNamespace namespace) {
        table.remove(namespace);
    }

    /** Every whiteboard servlet (the web UI's pages); our own RPC and tail paths are mapped before it. */
    @Reference(service = Servlet.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + WhiteboardRouter.PATTERN + "=*)")
    void addServlet(Servlet servlet, Map<String, Object> properties) {
        pages.add(properties.get("service.id"), servlet, properties);
    }

    void removeServlet(Servlet servlet, Map<String, Object> properties) {
        pages.remove(properties.get("service.id"));
    }

    @Deactivate
    void deactivate() throws Exception {
        tails.forEach(LogTailServlet::stop);
        if (server != null) {
            server.close();
        }
    }
}
