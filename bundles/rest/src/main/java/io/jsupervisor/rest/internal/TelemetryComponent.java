package io.jsupervisor.rest.internal;

import io.jsupervisor.api.OutputChunk;
import io.jsupervisor.api.OutputSink;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.api.SupervisorEventListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * The shared {@link Telemetry}, fed as an event listener and an output sink of the core (whiteboard),
 * and offered to this bundle's servlets as a service of its own (private) type.
 */
@Component(service = {Telemetry.class, SupervisorEventListener.class, OutputSink.class})
public class TelemetryComponent extends Telemetry implements SupervisorEventListener, OutputSink {
    @Activate
    public TelemetryComponent(@Reference ProcessManager pm) {
        super(pm);
    }

    @Override
    public void onEvent(SupervisorEvent event) {
        super.onEvent(event);
    }

    @Override
    public void write(OutputChunk chunk) {
        onOutput(chunk);
    }

    @Deactivate
    void deactivate() {
        close();
    }
}
