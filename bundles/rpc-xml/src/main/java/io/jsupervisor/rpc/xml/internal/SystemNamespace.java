package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.SupervisorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** {@code system.listMethods}, {@code methodHelp}, {@code methodSignature} and {@code multicall}. */
final class SystemNamespace {
    static final String MULTICALL = "system.multicall";

    private final RpcDispatcher dispatcher;

    SystemNamespace(RpcDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    List<RpcMethod> methods() {
        return new MethodBuilder("system")
                .add("listMethods", "Return the names of every method, sorted.",
                        "array result  the method names (strings)", List.of(), a -> {
                            a.expect(0);
                            return new ArrayList<>(dispatcher.methods().keySet());
                        })
                .add("methodHelp", "Return a method's documentation.", "string result  the documentation",
                        List.of("string name  the method's name"), a -> {
                            a.expect(1);
                            return known(a.string(0)).help();
                        })
                .add("methodSignature", "Return a method's signature as [returnType, paramType...].",
                        "array result  the types", List.of("string name  the method's name"), a -> {
                            a.expect(1);
                            return known(a.string(0)).signature();
                        })
                .add("multicall", "Run several calls in order, each waiting for the one before. Each result is"
                                + " the call's value itself (not wrapped in an array, as the reference does) or a"
                                + " {faultCode, faultString} struct.",
                        "array result  the results", List.of("array calls  structs {methodName, params}"), a -> {
                            a.expect(1);
                            return multicall(a.list(0));
                        })
                .build();
    }

    private RpcMethod known(String name) {
        return dispatcher.find(name).orElseThrow(() -> new SupervisorException(Fault.SIGNATURE_UNSUPPORTED));
    }

    /** Runs the calls one after another without holding a thread while one of them waits. */
    private CompletionStage<List<Object>> multicall(List<?> calls) {
        List<Object> results = new ArrayList<>(calls.size());
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (Object call : calls) {
            chain = chain.thenCompose(ignored -> one(call)
                    .handle((value, failure) -> failure == null ? value : FaultValue.of(failure).struct())
                    .thenAccept(results::add));
        }
        return chain.thenApply(ignored -> results);
    }

    private CompletableFuture<Object> one(Object call) {
        try {
            Map<?, ?> struct = Args.struct(call);
            Object name = struct.get("methodName");
            if (!(name instanceof String method)) {
                throw new SupervisorException(Fault.INCORRECT_PARAMETERS, "No methodName");
            }
            if (method.equals(MULTICALL)) {
                throw new SupervisorException(Fault.INCORRECT_PARAMETERS, "Recursive system.multicall forbidden");
            }
            Object params = struct.containsKey("params") ? struct.get("params") : List.of();
            if (!(params instanceof List<?> list)) {
                throw Args.incorrect();
            }
            return dispatcher.call(method, new ArrayList<>(list));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
