package io.jsupervisor.events.internal;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.OutputChunk;
import io.jsupervisor.api.OutputSink;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.api.SupervisorEventListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.log.Logger;
import org.osgi.service.log.LoggerFactory;

/**
 * The {@code [eventlistener:x]} pools of the running daemon. As a {@link SupervisorEventListener} it
 * queues every event in the pools subscribed to it (and posts it to Event Admin); as an
 * {@link OutputSink} it reads the listeners' stdout (the protocol); it writes envelopes with
 * {@link ProcessManager#sendProcessStdin}. Both callbacks come on the core's delivery threads and meet
 * in the {@link PoolRegistry}'s lock.
 *
 * <p>When the bundle is stopped or updated while the daemon runs, the pools are handed over to the next
 * instance ({@link Handover}): queued and in-flight events, listener protocol states and counters survive,
 * and the core delivers what came meanwhile, so no event is lost (one may come twice).
 */
@Component(service = {SupervisorEventListener.class, OutputSink.class}, immediate = true)
public final class EventListenerPools implements SupervisorEventListener, OutputSink {
    private final ProcessManager manager;
    private final PoolRegistry registry;
    private final HandoverFile handover;
    private volatile boolean closed;

    @Reference(service = LoggerFactory.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    private volatile Logger logger;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile EventAdmin eventAdmin;

    /**
     * The last identifier the core gave: asked at activation and when the daemon is RUNNING again after an
     * in-process restart (the only time it can change), not per envelope (each question is a trip to the
     * core's engine thread). The core refuses queries while shutting down; listeners still get events.
     */
    private volatile String identifier = "supervisor";

    @Activate
    public EventListenerPools(@Reference(name = "manager") ProcessManager manager, BundleContext context) {
        this(manager, new HandoverFile(HandoverFile.pathOf(context.getDataFile("pools.handover")),
                daemonOf(context)));
    }

    /** Without a bundle context: nothing handed over (tests). */
    EventListenerPools(ProcessManager manager) {
        this(manager, HandoverFile.none());
    }

    EventListenerPools(ProcessManager manager, HandoverFile handover) {
        this.manager = manager;
        this.handover = handover;
        this.registry = new PoolRegistry(this::definitionOf, new LoggerPoolLog(() -> logger));
        identifier(); // remembered now, in case the first event comes while the daemon refuses queries
        handover.take(System.currentTimeMillis()).ifPresentOrElse(
                h -> registry.restore(h.registry(), h.lastOutputSequence()),
                this::addRunningPools);
        registry.dispatch(this::writeStdin, this::server);
    }

    /**
     * DS calls this after the core stopped delivering to us (our service is unregistered first), so the
     * state handed over and the core's parked place in its streams meet exactly.
     */
    @Deactivate
    void deactivate() {
        closed = true;
        Handover.RegistryState state = registry.close();
        handover.save(new Handover(handover.daemon(), System.currentTimeMillis(), registry.lastOutputSequence(),
                state));
    }

    /** This framework launch and this core service: a handover from any other daemon is stale. */
    private static String daemonOf(BundleContext context) {
        ServiceReference<ProcessManager> core = context.getServiceReference(ProcessManager.class);
        Object serviceId = core == null ? null : core.getProperty(Constants.SERVICE_ID);
        return context.getProperty(Constants.FRAMEWORK_UUID) + "/" + serviceId;
    }

    @Override
    public void onEvent(SupervisorEvent event) {
        EventAdmin admin = eventAdmin;
        if (admin != null && !closed) {
            admin.postEvent(EventAdminMessages.toOsgiEvent(event)); // asynchronous: never waits for handlers
        }
        if (event.type() == EventType.SUPERVISOR_STATE_CHANGE_RUNNING) {
            identifier();
        }
        registry.event(event);
        registry.dispatch(this::writeStdin, this::server);
    }

    @Override
    public void write(OutputChunk chunk) {
        if (chunk.channel() != LogChannel.STDOUT) {
            return;
        }
        if (registry.output(chunk.sequence(), chunk.group(), chunk.process(), chunk.data())) {
            registry.dispatch(this::writeStdin, this::server);
        }
    }

    /** The reference's EPIPE: whatever stops the write means "try another listener". */
    private boolean writeStdin(String namespec, byte[] data) {
        try {
            manager.sendProcessStdin(namespec, data);
            return true;
        } catch (RuntimeException cannotWrite) {
            return false;
        }
    }

    private String server() {
        return identifier;
    }

    private String identifier() {
        try {
            identifier = manager.identification();
        } catch (RuntimeException shuttingDown) {
            // keep the last one
        }
        return identifier;
    }

    private Optional<PoolDefinition> definitionOf(String group) {
        return manager.configuration().group(group).flatMap(PoolDefinition::of);
    }

    /**
     * The pools already running when this bundle starts (after the core), with their listeners' states now: made
     * from the core's replayed events when those reach back to the groups' creation (daemon start-up), else adopted
     * (see {@link PoolRegistry#adoptAtFirstEvent}).
     */
    private void addRunningPools() {
        try {
            Map<String, ProcessState> states = new HashMap<>();
            for (ProcessInfo info : manager.allProcessInfo()) {
                states.put(info.group() + ":" + info.name(), info.state());
            }
            List<PoolDefinition> running = manager.configuration().groups().stream()
                    .filter(g -> states.keySet().stream().anyMatch(k -> k.startsWith(g.name() + ":")))
                    .map(PoolDefinition::of).flatMap(Optional::stream).toList();
            registry.adoptAtFirstEvent(running,
                    (g, p) -> states.getOrDefault(g + ":" + p, ProcessState.STOPPED));
        } catch (RuntimeException notAvailable) {
            // the core is shutting down: the pools come with the groups' PROCESS_GROUP_ADDED events
        }
    }
}
