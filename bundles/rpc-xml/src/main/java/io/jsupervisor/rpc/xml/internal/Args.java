package io.jsupervisor.rpc.xml.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.SupervisorException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The parameters of one call, read with the reference's tolerance: a wrong count or a value of the
 * wrong type is {@code INCORRECT_PARAMETERS} (in Python both surface as a TypeError).
 */
final class Args {
    private final List<Object> values;

    Args(List<Object> values) {
        this.values = values;
    }

    int size() {
        return values.size();
    }

    Object get(int i) {
        return values.get(i);
    }

    /** Fails unless there are between {@code min} and {@code max} parameters. */
    Args expect(int min, int max) {
        if (values.size() < min || values.size() > max) {
            throw incorrect();
        }
        return this;
    }

    Args expect(int count) {
        return expect(count, count);
    }

    String string(int i) {
        Object v = values.get(i);
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof byte[] b) { // the reference decodes base64 to text
            return new String(b, StandardCharsets.UTF_8);
        }
        throw incorrect();
    }

    int integer(int i) {
        Object v = values.get(i);
        if (v instanceof Integer n) {
            return n;
        }
        if (v instanceof Boolean b) { // a Python bool is an int
            return b ? 1 : 0;
        }
        throw incorrect();
    }

    /** An optional flag such as {@code wait}; absent means {@code dflt}. */
    boolean flag(int i, boolean dflt) {
        if (i >= values.size()) {
            return dflt;
        }
        Object v = values.get(i);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Integer n) {
            return n != 0;
        }
        throw incorrect();
    }

    /** A signal, sent by clients as a name or number in a string, or as an int. */
    String signal(int i) {
        Object v = values.get(i);
        if (v instanceof Integer n) {
            return Integer.toString(n);
        }
        return string(i);
    }

    List<?> list(int i) {
        if (values.get(i) instanceof List<?> l) {
            return l;
        }
        throw incorrect();
    }

    static Map<?, ?> struct(Object v) {
        if (v instanceof Map<?, ?> m) {
            return m;
        }
        throw incorrect();
    }

    static SupervisorException incorrect() {
        return new SupervisorException(Fault.INCORRECT_PARAMETERS);
    }
}
