package io.jsupervisor.config.internal;

import io.jsupervisor.config.RpcInterfaceSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every {@code [rpcinterface:x]}. Only the reference's own factory exists here; any other Python entry
 * point is refused as the reference refuses one it cannot import.
 */
final class RpcInterfacesReader {
    static final String FACTORY_KEY = "supervisor.rpcinterface_factory";

    private RpcInterfacesReader() {
    }

    static List<RpcInterfaceSpec> read(ReadState state) {
        List<RpcInterfaceSpec> out = new ArrayList<>();
        for (String section : state.ini.sections()) {
            if (!section.startsWith("rpcinterface:")) {
                continue;
            }
            SectionOptions opts = state.options(section);
            String name = section.split(":", 2)[1];
            String factory = opts.get(FACTORY_KEY, null, Map.of());
            if (factory == null) {
                throw opts.refuse(FACTORY_KEY, "section [" + section + "] does not specify a " + FACTORY_KEY);
            }
            if (!factory.equals(RpcInterfaceSpec.MAIN_FACTORY)) {
                throw opts.refuse(FACTORY_KEY, factory + " cannot be resolved within [" + section + "]");
            }
            Map<String, String> extras = new LinkedHashMap<>();
            for (String key : state.ini.options(section)) {
                if (!key.equals(FACTORY_KEY)) {
                    extras.put(key, opts.get(key, null, Map.of()));
                }
            }
            out.add(new RpcInterfaceSpec(name, factory, extras));
        }
        return out;
    }
}
