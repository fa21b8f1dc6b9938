package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.rpc.xml.RpcNamespace;
import jakarta.servlet.Servlet;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** Publishes {@link RpcServlet} on the servlet whiteboard, with the {@link RpcNamespace} services. */
@Component(service = Servlet.class, configurationPid = RpcConfig.PID)
@Designate(ocd = RpcConfig.class)
@HttpWhiteboardServletPattern({"/RPC2", "/RPC2/*"})
@HttpWhiteboardServletAsyncSupported
public class XmlRpcComponent extends RpcServlet {
    private static final long serialVersionUID = 1L;

    private final transient MethodTable table;
    private final transient AtomicLong maxRequestBytes;

    @Activate
    public XmlRpcComponent(@Reference ProcessManager pm, RpcConfig config) {
        this(new MethodTable(pm), new AtomicLong(config.max_request_bytes()));
    }

    private XmlRpcComponent(MethodTable table, AtomicLong maxRequestBytes) {
        super(table.dispatcher(), maxRequestBytes::get);
        this.table = table;
        this.maxRequestBytes = maxRequestBytes;
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
}
