package io.jsupervisor.example.hello.internal;

import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.rpc.xml.RpcFault;
import io.jsupervisor.rpc.xml.RpcNamespace;
import io.jsupervisor.rpc.xml.RpcNamespaceName;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * XML-RPC methods {@code hello.*}: every public method of this service is callable at /RPC2 and listed by
 * {@code system.listMethods}. {@code hello.greet('you')} answers {@code 'Hello, you!'}. The namespace is the
 * service property {@code @RpcNamespaceName} writes.
 */
@Component(service = RpcNamespace.class)
@RpcNamespaceName("hello")
public final class HelloNamespace implements RpcNamespace {
    private final ProcessManager processes;
    private final EventCounter events;

    @Activate
    public HelloNamespace(@Reference ProcessManager processes, @Reference EventCounter events) {
        this.processes = processes;
        this.events = events;
    }

    public String greet(String who) {
        return Greeting.of(who);
    }

    /** How many processes are RUNNING now. */
    public int running() {
        return (int) processes.allProcessInfo().stream().map(ProcessInfo::state)
                .filter(s -> s == ProcessState.RUNNING).count();
    }

    /** The events the in-JVM listener received, by type. */
    public Map<String, Integer> eventCounts() {
        return events.counts();
    }

    /** A fault of one's own: code and text, as the reference's faults are. */
    public boolean refuse() {
        throw new RpcFault(9001, "HELLO_REFUSED: as asked");
    }
}
