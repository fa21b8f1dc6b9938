package io.jsupervisor.rpc.xml.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a method's help in the reference's docstring shape, so that {@code methodHelp} reads the
 * same way and {@code methodSignature} agrees with its {@code @param}/{@code @return} tags.
 */
final class MethodBuilder {
    private final String namespace;
    private final List<RpcMethod> methods = new ArrayList<>();

    MethodBuilder(String namespace) {
        this.namespace = namespace;
    }

    /**
     * @param description the first lines of the help
     * @param returns     {@code "type name text"}
     * @param params      each {@code "type name text"}, in order
     */
    MethodBuilder add(String method, String description, String returns, List<String> params,
                      RpcMethod.Handler handler) {
        StringBuilder help = new StringBuilder(description).append("\n\n");
        List<String> signature = new ArrayList<>();
        signature.add(returns.split(" ", 2)[0]);
        for (String p : params) {
            help.append("@param ").append(p).append('\n');
            signature.add(p.split(" ", 2)[0]);
        }
        help.append("@return ").append(returns);
        methods.add(new RpcMethod(namespace + "." + method, help.toString(), signature, handler));
        return this;
    }

    /** Another name for the method added last, as the reference's backward-compatible aliases. */
    MethodBuilder alias(String method) {
        RpcMethod last = methods.get(methods.size() - 1);
        methods.add(new RpcMethod(namespace + "." + method, last.help(), last.signature(), last.handler()));
        return this;
    }

    List<RpcMethod> build() {
        return List.copyOf(methods);
    }
}
