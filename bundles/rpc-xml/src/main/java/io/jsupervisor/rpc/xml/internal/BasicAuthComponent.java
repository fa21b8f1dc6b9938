package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.rpc.xml.HttpAuth;
import jakarta.servlet.Filter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterAsyncSupported;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Guards every path of the default servlet context (RPC, log tails and any other bundle's pages, such
 * as the web UI) with the first [inet_http_server] section's credentials. Ranked first
 * so it runs before other filters. Registered whether or not credentials are set, with
 * {@code jsupervisor.http.auth=basic} ({@link HttpAuth}): pages of other bundles require it, so that they go away
 * with it (rpc-xml stopped or being updated) rather than answer without the check.
 */
@Component(service = Filter.class,
        property = {"service.ranking:Integer=1000000", HttpAuth.PROPERTY + "=" + HttpAuth.BASIC})
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardFilterAsyncSupported
public class BasicAuthComponent extends BasicAuthFilter {
    @Activate
    public BasicAuthComponent(@Reference ProcessManager pm) {
        super(ServerCredentials.inet(pm::configuration));
    }
}
