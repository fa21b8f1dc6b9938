package io.jsupervisor.logging.internal;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.config.ChannelLogSpec;
import io.jsupervisor.config.ProcessSpec;
import java.util.Locale;
import java.util.Set;

/**
 * What a channel asks of this bundle beyond its log file: syslog (also known when the file is NONE, where
 * the core passes no file) and our opt-in extras {@code *_log_timestamps} and {@code *_mirror}, read from
 * the section's raw options (the config module has already refused bad values at load).
 */
record ChannelExtras(boolean syslog, boolean timestamps, boolean mirror) {
    static final ChannelExtras NONE = new ChannelExtras(false, false, false);
    private static final Set<String> TRUTHY = Set.of("true", "yes", "on", "1");

    static ChannelExtras of(ProcessSpec process, LogChannel channel) {
        String ch = channel.label();
        ChannelLogSpec log = channel == LogChannel.STDOUT ? process.stdout() : process.stderr();
        return new ChannelExtras(log != null && log.syslog(), flag(process, ch + "_log_timestamps"),
                flag(process, ch + "_mirror"));
    }

    boolean any() {
        return syslog || timestamps || mirror;
    }

    private static boolean flag(ProcessSpec process, String option) {
        String value = process.options().get(option);
        return value != null && TRUTHY.contains(value.strip().toLowerCase(Locale.ROOT));
    }
}
