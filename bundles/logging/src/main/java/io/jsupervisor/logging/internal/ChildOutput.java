package io.jsupervisor.logging.internal;

import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.OutputChunk;
import java.nio.charset.StandardCharsets;

/**
 * Writes a child's output chunk to its log file (raw, or with line time stamps when the channel asks),
 * to syslog when its channel asks for it (with or without a file, as the reference), and to the daemon's
 * stdout when the channel is mirrored.
 */
final class ChildOutput {
    private final LogFiles files;
    private final SyslogWriter syslog;
    private final ProgramExtras extras;
    private final LineStamps stamps;
    private final StdoutMirror mirror;

    ChildOutput(LogFiles files, SyslogWriter syslog, ProgramExtras extras, LineStamps stamps, StdoutMirror mirror) {
        this.files = files;
        this.syslog = syslog;
        this.extras = extras;
        this.stamps = stamps;
        this.mirror = mirror;
    }

    void write(OutputChunk chunk) {
        byte[] data = chunk.data();
        if (data.length == 0) {
            return;
        }
        LogFileSpec spec = chunk.logFile();
        ChannelExtras extra = extras.of(chunk.group(), chunk.process(), chunk.channel());
        String key = chunk.group() + '\0' + chunk.process() + '\0' + chunk.channel().label();
        if (spec != null && spec.path() != null) {
            byte[] toFile = extra.timestamps() ? stamps.apply(key, data, () -> files.endsMidLine(spec.path())) : data;
            files.write(spec, toFile);
        }
        // NONE gives no file spec: the channel's own setting says whether syslog wants it
        if (spec != null ? spec.syslog() : extra.syslog()) {
            // the reference's child syslog format: '<process name> <line>'
            String text = new String(data, StandardCharsets.UTF_8);
            syslog.send(Lines.of(text, chunk.process() + " "));
        }
        if (extra.mirror()) {
            mirror.write(key, chunk.process(), data);
        }
    }

    /** The bundle is stopping: mirrored partial lines go out now, as lines. */
    void close() {
        mirror.flushPartialLines();
    }

    void created(LogFileSpec spec) {
        if (spec != null && spec.path() != null) {
            files.create(spec);
        }
    }
}
