package io.jsupervisor.logging.internal;

import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.OutputChunk;
import java.nio.charset.StandardCharsets;

/** Writes a child's output chunk raw to its log file, and to syslog when its channel asks for it. */
final class ChildOutput {
    private final LogFiles files;
    private final SyslogWriter syslog;

    ChildOutput(LogFiles files, SyslogWriter syslog) {
        this.files = files;
        this.syslog = syslog;
    }

    void write(OutputChunk chunk) {
        LogFileSpec spec = chunk.logFile();
        if (spec == null || chunk.data().length == 0) {
            return;
        }
        if (spec.path() != null) {
            files.write(spec, chunk.data());
        }
        if (spec.syslog()) {
            // the reference's child syslog format: '<process name> <line>'
            String text = new String(chunk.data(), StandardCharsets.UTF_8);
            syslog.send(Lines.of(text, chunk.process() + " "));
        }
    }

    void created(LogFileSpec spec) {
        if (spec != null && spec.path() != null) {
            files.create(spec);
        }
    }
}
