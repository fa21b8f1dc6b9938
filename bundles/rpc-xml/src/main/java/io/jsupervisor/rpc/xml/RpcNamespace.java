package io.jsupervisor.rpc.xml;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A namespace of XML-RPC methods (whiteboard: register as a service). Every public method of
 * {@link #handler()} (those of {@link Object} excepted, and none whose name starts with {@code _})
 * is callable as {@code name().method} and listed by {@code system.listMethods}.
 *
 * <p>Parameters may be {@code String}, {@code int}/{@code Integer}, {@code boolean}/{@code Boolean},
 * {@code double}/{@code Double}, {@code byte[]}, {@link java.util.List} and {@link java.util.Map}; a
 * call whose arguments do not fit gets the fault {@code INCORRECT_PARAMETERS}. Return values are
 * sent the same way ({@code long} as a capped {@code int}, records as structs, {@code void} or
 * {@code null} as {@code true}); a {@link java.util.concurrent.CompletionStage} defers the reply until
 * it completes. Throw {@link RpcFault} or {@code io.jsupervisor.api.SupervisorException} to answer
 * with a fault. The names {@code system} and {@code supervisor} are taken.
 *
 * <p>The namespace is the service property {@link #NAME_PROPERTY} when the service has it (a component writes
 * it with {@link RpcNamespaceName @RpcNamespaceName("hello")}), else {@link #name()}.
 */
@ConsumerType
public interface RpcNamespace {
    /**
     * The service property naming the namespace, {@code jsupervisor.rpc.namespace.name}; when present it is used
     * instead of {@link #name()}.
     */
    String NAME_PROPERTY = "jsupervisor.rpc.namespace.name";

    /**
     * The namespace, a name without dots, for a service registered without {@link #NAME_PROPERTY}. By default
     * none: such a service must have the property.
     */
    default String name() {
        return null;
    }

    /** The object whose public methods are published; by default this service itself. */
    default Object handler() {
        return this;
    }
}
