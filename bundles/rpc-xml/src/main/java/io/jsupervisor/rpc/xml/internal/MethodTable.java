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
 * services present now. A namespace named {@code supervisor} or {@code system}, or one with a dot in
 * its name, is ignored; so is a second service with a name already served.
 */
final class MethodTable {
    private static final Set<String> RESERVED = Set.of("supervisor", "system");

    private final List<RpcMethod> builtIn = new ArrayList<>();
    private final Map<RpcNamespace, List<RpcMethod>> plugins = new IdentityHashMap<>();
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
        String name = namespace.name();
        boolean taken = plugins.keySet().stream().anyMatch(n -> n.name().equals(name));
        if (name == null || name.isEmpty() || name.contains(".") || RESERVED.contains(name) || taken) {
            return;
        }
        plugins.put(namespace, PluginNamespace.methods(namespace));
        rebuild();
    }

    synchronized void remove(RpcNamespace namespace) {
        if (plugins.remove(namespace) != null) {
            rebuild();
        }
    }

    private void rebuild() {
        SortedMap<String, RpcMethod> all = new TreeMap<>();
        builtIn.forEach(m -> all.put(m.name(), m));
        plugins.values().forEach(list -> list.forEach(m -> all.put(m.name(), m)));
        current = Collections.unmodifiableSortedMap(all);
    }
}
