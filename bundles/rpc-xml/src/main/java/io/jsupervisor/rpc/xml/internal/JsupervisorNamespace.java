package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.rpc.xml.RpcNamespace;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code jsupervisor.*}: what JSupervisor offers beyond the reference, kept out of {@code supervisor.*} so that
 * namespace answers exactly as the reference's. Registered as an ordinary {@link RpcNamespace} service, as a
 * plugin's would be. Faults are the reference's ({@code BAD_NAME}, {@code NO_FILE}, {@code FAILED}).
 */
@Component(service = RpcNamespace.class)
public final class JsupervisorNamespace implements RpcNamespace {
    private final ProcessManager pm;

    @Activate
    public JsupervisorNamespace(@Reference ProcessManager pm) {
        this.pm = pm;
    }

    @Override
    public String name() {
        return "jsupervisor";
    }

    /** Rotate the stdout and stderr log files of a process now. */
    public boolean rotateProcessLogs(String name) {
        pm.rotateProcessLogs(name);
        return true;
    }

    /** Rotate the log files of every process now. */
    public boolean rotateAllProcessLogs() {
        pm.rotateAllProcessLogs();
        return true;
    }

    /** Rotate the main log now. */
    public boolean rotateLog() {
        pm.rotateLog();
        return true;
    }
}
