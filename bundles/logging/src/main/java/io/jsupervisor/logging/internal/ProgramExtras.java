package io.jsupervisor.logging.internal;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The {@link ChannelExtras} of every configured process, from the daemon's configuration. Asking the daemon
 * costs a round trip to its engine thread, so the answer is kept and asked again at most once a second
 * (a restart brings a new configuration); when it cannot answer (shutting down), the last answer stays.
 */
final class ProgramExtras {
    static final long REFRESH_NANOS = 1_000_000_000L;

    private final Supplier<SupervisorConfig> source;
    private final LongSupplier nanos;
    private SupervisorConfig config;
    private Map<String, ChannelExtras> byChannel = Map.of();
    private long lastRefresh;

    ProgramExtras(Supplier<SupervisorConfig> source, LongSupplier nanos) {
        this.source = source;
        this.nanos = nanos;
    }

    /** Called from the output delivery thread, never under a file lock. */
    synchronized ChannelExtras of(String group, String process, LogChannel channel) {
        refreshIfDue();
        return byChannel.getOrDefault(key(group, process, channel), ChannelExtras.NONE);
    }

    private void refreshIfDue() {
        long now = nanos.getAsLong();
        // until a first answer, ask at every chunk: output at start-up must not miss its options
        if (config != null && now - lastRefresh < REFRESH_NANOS) {
            return;
        }
        lastRefresh = now;
        SupervisorConfig next;
        try {
            next = source.get();
        } catch (RuntimeException e) {
            return; // the daemon is stopping or restarting: keep what we knew
        }
        if (next == null || next == config) {
            return;
        }
        config = next;
        Map<String, ChannelExtras> m = new HashMap<>();
        for (GroupSpec g : next.groups()) {
            for (ProcessSpec p : g.processes()) {
                for (LogChannel ch : LogChannel.values()) {
                    ChannelExtras e = ChannelExtras.of(p, ch);
                    if (e.any()) {
                        m.put(key(g.name(), p.name(), ch), e);
                    }
                }
            }
        }
        byChannel = m;
    }

    private static String key(String group, String process, LogChannel channel) {
        return group + '\0' + process + '\0' + channel.label();
    }
}
