package io.jsupervisor.events.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.config.AutoRestart;
import io.jsupervisor.config.ChannelLogSpec;
import io.jsupervisor.config.GroupKind;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.ListenerPoolSpec;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The few ProcessManager methods the events bundle calls, answered from a fixed configuration;
 * {@code sendProcessStdin} writes to real listener pipes. Anything else is unsupported.
 */
final class StubProcessManager {
    private StubProcessManager() {
    }

    static ProcessManager of(SupervisorConfig config, List<ProcessInfo> processes, RealListeners listeners) {
        return (ProcessManager) Proxy.newProxyInstance(ProcessManager.class.getClassLoader(),
                new Class<?>[] {ProcessManager.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "identification" -> "svxid";
                    case "configuration" -> config;
                    case "allProcessInfo" -> processes;
                    case "sendProcessStdin" -> {
                        if (!listeners.write((String) args[0], (byte[]) args[1])) {
                            throw new SupervisorException(Fault.NOT_RUNNING, (String) args[0]);
                        }
                        yield null;
                    }
                    case "toString" -> "StubProcessManager";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A configuration with one {@code [eventlistener:name]} of one process, subscribed to {@code events}. */
    static SupervisorConfig listenerConfig(String name, String... events) {
        ChannelLogSpec log = new ChannelLogSpec(ChannelLogSpec.AUTO, 50 << 20, 10, 0, false, false);
        ProcessSpec process = new ProcessSpec(name, name, name, 0, "python3 listener.py", 999, true, 1, 3,
                AutoRestart.UNEXPECTED, List.of(0), 15, 10, false, false, null, null, false, log, log, Map.of(),
                null, null, "AUTO", Map.of());
        GroupSpec group = new GroupSpec(name, -1, GroupKind.EVENTLISTENER, List.of(process),
                new ListenerPoolSpec(List.of(events), 10, "supervisor.dispatchers:default_handler"));
        return new SupervisorConfig(Path.of("/etc/supervisord.conf"), null, List.of(), List.of(), null,
                List.of(group), List.of(), List.of());
    }
}
