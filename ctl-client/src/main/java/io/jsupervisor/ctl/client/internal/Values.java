package io.jsupervisor.ctl.client.internal;

import io.jsupervisor.ctl.shell.ClientError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Typed access to decoded XML-RPC values; a reply of the wrong shape is an error, as in Python (KeyError…). */
final class Values {
    private Values() {
    }

    static String string(Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw shape("string", value);
    }

    static int integer(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        throw shape("int", value);
    }

    static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Integer i) {
            return i != 0;
        }
        throw shape("boolean", value);
    }

    /** Python truthiness of a reply (a boolean, or the array a {@code g:*} call answers). */
    static boolean truthy(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return value != null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> struct(Object value) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw shape("struct", value);
    }

    static <T> List<T> list(Object value, Function<Object, T> element) {
        if (!(value instanceof List<?> list)) {
            throw shape("array", value);
        }
        List<T> out = new ArrayList<>(list.size());
        for (Object item : list) {
            out.add(element.apply(item));
        }
        return out;
    }

    private static ClientError shape(String expected, Object value) {
        return new ClientError("TypeError", "expected " + expected + " in the reply, got "
                + (value == null ? "nothing" : value.getClass().getSimpleName()));
    }
}
