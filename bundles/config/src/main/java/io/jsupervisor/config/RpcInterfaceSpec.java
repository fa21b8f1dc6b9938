package io.jsupervisor.config;

import java.util.Map;

/**
 * An {@code [rpcinterface:x]} section.
 *
 * @param name    the namespace ({@code x})
 * @param factory the {@code supervisor.rpcinterface_factory} value
 * @param options the other keys
 */
public record RpcInterfaceSpec(String name, String factory, Map<String, String> options) {
    /** The factory of the standard {@code supervisor} namespace. */
    public static final String MAIN_FACTORY = "supervisor.rpcinterface:make_main_rpcinterface";

    public RpcInterfaceSpec {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }
}
