package io.jsupervisor.rpc.xml.internal;

import java.lang.reflect.Array;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Java values into the few types the reference sends: int, boolean, string, double, base64,
 * array and struct. Never {@code <nil/>} and never {@code i8}: longs become ints capped at the 32-bit
 * limits, as the reference's {@code capped_int} does; all text is made legal XML.
 */
final class Wire {
    private Wire() {
    }

    static Object of(Object v) {
        if (v instanceof String s) {
            return XmlText.sanitize(s);
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Double || v instanceof byte[]) {
            return v;
        }
        if (v instanceof Long || v instanceof Short || v instanceof Byte) {
            return cappedInt(((Number) v).longValue());
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> struct = new LinkedHashMap<>();
            m.forEach((k, x) -> struct.put(XmlText.sanitize(String.valueOf(k)), of(x)));
            return struct;
        }
        if (v instanceof Collection<?> c) {
            List<Object> array = new ArrayList<>(c.size());
            c.forEach(x -> array.add(of(x)));
            return array;
        }
        if (v != null && v.getClass().isArray()) {
            List<Object> array = new ArrayList<>();
            for (int i = 0; i < Array.getLength(v); i++) {
                array.add(of(Array.get(v, i)));
            }
            return array;
        }
        if (v instanceof Record r) {
            return of(recordFields(r));
        }
        throw new IllegalArgumentException("cannot send " + (v == null ? "null" : v.getClass().getName()));
    }

    static int cappedInt(long v) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }

    private static Map<String, Object> recordFields(Record r) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                c.getAccessor().setAccessible(true);
                fields.put(c.getName(), c.getAccessor().invoke(r));
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("cannot read " + c, e);
            }
        }
        return fields;
    }
}
