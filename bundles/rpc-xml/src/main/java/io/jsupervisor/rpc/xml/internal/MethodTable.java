package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.rpc.xml.RpcNamespace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Every callable method: {@code supervisor.*}, {@code system.*} and those of the {@link RpcNamespace}
 * services present now. A namespace named {@code supervisor} or {@code system}, one with a dot in its
 * name or none, is ignored; so is a second service with a name already served. The name is the service
 * property {@link RpcNamespace#NAME_PROPERTY} if the service has it, else {@link RpcNamespace#name()}.
 */
final class MethodTable {
    private static final Set<String> RESERVED = Set.of("supervisor", "system");

    private final List<RpcMethod> builtIn = new ArrayList<>();
    private final Map<RpcNamespace, Served> plugins = new IdentityHashMap<>();
    private final RpcDispatcher dispatcher;
    private volatile SortedMap<String, RpcMethod> current = Collections.emptySortedMap();

    MethodTable(ProcessManager pm) {
        dispatcher = new RpcDispatcher(() -> current);
        builtIn.addAll(new SupervisorNamespace(pm).methods());
        builtIn.addAll(new SystemNamespace(dispatcher).methods());
        rebuild();
    }

    RpcDispatcher dispatcher() {
        return dispatcher;
    }

    synchronized void add(RpcNamespace namespace) {
        add(namespace, Map.of());
    }

    /** @param properties the service's properties, where {@link RpcNamespace#NAME_PROPERTY} may name it */
    synchronized void add(RpcNamespace namespace, Map<String, ?> properties) {
        String name = nameOf(namespace, properties);
        boolean taken = plugins.values().stream().anyMatch(served -> served.name().equals(name));
        if (name == null || name.isEmpty() || name.contains(".") || RESERVED.contains(name) || taken) {
            return;
        }
        plugins.put(namespace, new Served(name, PluginNamespace.methods(namespace, name)));
        rebuild();
    }

    static String nameOf(RpcNamespace namespace, Map<String, ?> properties) {
        return properties.get(RpcNamespace.NAME_PROPERTY) instanceof String property ? property : namespace.name();
    }

    synchronized void remove(RpcNamespace namespace) {
        if (plugins.remove(namespace) != null) {
            rebuild();
        }
    }

    private void rebuild() {
        SortedMap<String, RpcMethod> all = new TreeMap<>();
        builtIn.forEach(m -> all.put(m.name(), m));
        plugins.values().forEach(served -> served.methods().forEach(m -> all.put(m.name(), m)));
        current = Collections.unmodifiableSortedMap(all);
    }

    private record Served(String name, List<RpcMethod> methods) {
    }
}
