package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.rpc.xml.RpcNamespace;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The methods of an {@link RpcNamespace} service: every public method of its handler, called with
 * the XML-RPC parameters converted to the declared types. Overloads are told apart by parameter count.
 */
final class PluginNamespace {
    private PluginNamespace() {
    }

    /** @param name the namespace the methods are served under */
    static List<RpcMethod> methods(RpcNamespace namespace, String name) {
        Object handler = namespace.handler();
        Map<String, List<Method>> byName = new LinkedHashMap<>();
        Method[] all = handler.getClass().getMethods();
        Arrays.sort(all, Comparator.comparing(Method::getName).thenComparingInt(Method::getParameterCount));
        for (Method m : all) {
            Class<?> owner = m.getDeclaringClass();
            if (owner == Object.class || Modifier.isStatic(m.getModifiers()) || m.getName().startsWith("_")
                    || (handler == namespace && isRpcNamespaceMethod(m))) {
                continue;
            }
            m.setAccessible(true); // public methods of a non-exported implementation class
            byName.computeIfAbsent(m.getName(), k -> new ArrayList<>()).add(m);
        }
        List<RpcMethod> methods = new ArrayList<>();
        byName.forEach((method, overloads) -> methods.add(new RpcMethod(name + "." + method, "",
                signature(overloads.get(0)), args -> invoke(handler, overloads, args))));
        return methods;
    }

    private static boolean isRpcNamespaceMethod(Method m) {
        try {
            RpcNamespace.class.getMethod(m.getName(), m.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Object invoke(Object handler, List<Method> overloads, Args args) throws Exception {
        for (Method m : overloads) {
            if (m.getParameterCount() == args.size()) {
                Object[] values = new Object[args.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = convert(args.get(i), m.getParameterTypes()[i]);
                }
                Object result = m.invoke(handler, values);
                if (result instanceof CompletionStage<?> deferred) {
                    return deferred.thenApply(v -> v == null ? Boolean.TRUE : v);
                }
                return result == null ? Boolean.TRUE : result;
            }
        }
        throw Args.incorrect();
    }

    private static Object convert(Object value, Class<?> type) {
        Class<?> t = type.isPrimitive() ? boxed(type) : type;
        if (t.isInstance(value)) {
            return value;
        }
        if (t == Double.class && value instanceof Integer n) {
            return n.doubleValue();
        }
        if (t == String.class && value instanceof byte[]) {
            return new Args(List.of(value)).string(0);
        }
        if (t == Long.class && value instanceof Integer n) {
            return n.longValue();
        }
        throw Args.incorrect();
    }

    private static Class<?> boxed(Class<?> primitive) {
        return primitive == int.class ? Integer.class
                : primitive == boolean.class ? Boolean.class
                : primitive == double.class ? Double.class
                : primitive == long.class ? Long.class
                : Void.class;
    }

    private static List<String> signature(Method m) {
        List<String> types = new ArrayList<>();
        types.add(typeName(m.getReturnType()));
        for (Class<?> p : m.getParameterTypes()) {
            types.add(typeName(p));
        }
        return types;
    }

    private static String typeName(Class<?> c) {
        if (c == String.class || c.isEnum()) {
            return "string";
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return "int";
        }
        if (c == boolean.class || c == Boolean.class || c == void.class) {
            return "boolean";
        }
        if (c == double.class || c == Double.class) {
            return "double";
        }
        if (c == byte[].class) {
            return "base64";
        }
        if (Collection.class.isAssignableFrom(c) || c.isArray()) {
            return "array";
        }
        return "struct";
    }
}
