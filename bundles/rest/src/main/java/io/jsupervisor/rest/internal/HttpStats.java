package io.jsupervisor.rest.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Request counts (by endpoint, method, status) and a latency histogram (by endpoint, method) of this
 * bundle's endpoints. The endpoint is the route's template ({@code /api/v1/processes/{name}}), never the
 * raw path, so the label set stays small.
 */
final class HttpStats {
    /** Upper bounds in seconds, Prometheus' default buckets. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    record Key(String endpoint, String method) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = endpoint.compareTo(o.endpoint);
            return c != 0 ? c : method.compareTo(o.method);
        }
    }

    /** One histogram; counts per bucket are not cumulative here (the renderer accumulates). */
    static final class Histogram {
        final long[] buckets = new long[BUCKETS.length + 1];
        long count;
        double sum;
    }

    private final Map<Key, Map<Integer, Long>> counts = new TreeMap<>();
    private final Map<Key, Histogram> latencies = new TreeMap<>();

    synchronized void record(String endpoint, String method, int status, long nanos) {
        Key key = new Key(endpoint, method);
        counts.computeIfAbsent(key, k -> new TreeMap<>()).merge(status, 1L, Long::sum);
        Histogram h = latencies.computeIfAbsent(key, k -> new Histogram());
        double seconds = nanos / 1e9;
        int i = 0;
        while (i < BUCKETS.length && seconds > BUCKETS[i]) {
            i++;
        }
        h.buckets[i]++;
        h.count++;
        h.sum += seconds;
    }

    /** A copy, for rendering outside the lock. */
    record Snapshot(List<Map.Entry<Key, Map<Integer, Long>>> counts, List<Map.Entry<Key, Histogram>> latencies) {
    }

    synchronized Snapshot snapshot() {
        List<Map.Entry<Key, Map<Integer, Long>>> c = new ArrayList<>();
        counts.forEach((k, v) -> c.add(Map.entry(k, new TreeMap<>(v))));
        List<Map.Entry<Key, Histogram>> l = new ArrayList<>();
        latencies.forEach((k, v) -> {
            Histogram copy = new Histogram();
            System.arraycopy(v.buckets, 0, copy.buckets, 0, v.buckets.length);
            copy.count = v.count;
            copy.sum = v.sum;
            l.add(Map.entry(k, copy));
        });
        return new Snapshot(c, l);
    }
}
