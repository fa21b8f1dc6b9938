package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.SupervisorException;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Finds and runs methods by name, with the reference's rules: the name is exactly
 * {@code namespace.method} (CVE-2017-11610), never a method starting with {@code _}; anything else
 * is UNKNOWN_METHOD. Every call answers with a future of a wire value, failed with the fault.
 */
final class RpcDispatcher {
    private final Supplier<SortedMap<String, RpcMethod>> methods;

    /** {@code methods} is read at every call, so namespaces may come and go. */
    RpcDispatcher(Supplier<SortedMap<String, RpcMethod>> methods) {
        this.methods = methods;
    }

    SortedMap<String, RpcMethod> methods() {
        return methods.get();
    }

    Optional<RpcMethod> find(String name) {
        return Optional.ofNullable(methods.get().get(name));
    }

    CompletableFuture<Object> call(String name, List<Object> params) {
        try {
            RpcMethod method = lookup(name);
            Object result = method.handler().call(new Args(params));
            if (result instanceof CompletionStage<?> deferred) {
                return deferred.toCompletableFuture().thenApply(Wire::of);
            }
            return CompletableFuture.completedFuture(Wire.of(result));
        } catch (Exception | LinkageError e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private RpcMethod lookup(String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != 2 || parts[1].startsWith("_")) {
            throw new SupervisorException(Fault.UNKNOWN_METHOD);
        }
        RpcMethod method = methods.get().get(name);
        if (method == null) {
            throw new SupervisorException(Fault.UNKNOWN_METHOD);
        }
        return method;
    }
}
