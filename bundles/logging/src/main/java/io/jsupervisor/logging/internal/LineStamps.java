package io.jsupervisor.logging.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Puts a time stamp ({@code 2026-11-24 13:45:01,123 }, the main log's, local time) at the start of each
 * line of a channel's output ({@code *_log_timestamps}). Whether the channel is at a line start is kept per
 * channel, so a line that arrives in several chunks gets one stamp, at its start. A channel not seen yet
 * (first output, or a new instance of this bundle after an update) asks its file whether it ends mid-line.
 * Used from the one output delivery thread.
 */
final class LineStamps {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS ");
    private final Clock clock;
    /** Channel key to "the next byte starts a line". */
    private final Map<String, Boolean> atLineStart = new HashMap<>();

    LineStamps(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param fileEndsMidLine asked only for a channel not seen yet
     * @return the data with stamps inserted; all lines of one chunk get the same time
     */
    synchronized byte[] apply(String channelKey, byte[] data, BooleanSupplier fileEndsMidLine) {
        boolean start = atLineStart.computeIfAbsent(channelKey, k -> !fileEndsMidLine.getAsBoolean());
        byte[] stamp = STAMP.format(clock.instant().atZone(clock.getZone())).getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 4 * stamp.length);
        int from = 0;
        for (int i = 0; i < data.length; i++) {
            if (start) {
                out.write(data, from, i - from);
                out.write(stamp, 0, stamp.length);
                from = i;
            }
            start = data[i] == '\n';
        }
        out.write(data, from, data.length - from);
        atLineStart.put(channelKey, start);
        return out.toByteArray();
    }
}
