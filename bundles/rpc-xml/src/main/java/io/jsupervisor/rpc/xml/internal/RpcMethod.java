package io.jsupervisor.rpc.xml.internal;

import java.util.List;

/**
 * One callable {@code namespace.method}.
 *
 * @param name      the full name
 * @param help      what {@code system.methodHelp} answers
 * @param signature {@code [returnType, paramType...]} for {@code system.methodSignature}
 * @param handler   does the call
 */
record RpcMethod(String name, String help, List<String> signature, Handler handler) {
    RpcMethod {
        signature = List.copyOf(signature);
    }

    /** Does a call; returns a value {@link Wire} can send, or a CompletionStage of one (deferred reply). */
    @FunctionalInterface
    interface Handler {
        Object call(Args args) throws Exception;
    }
}
