package io.jsupervisor.ctl.shell;

import io.jsupervisor.api.LogChannel;

/**
 * A log to follow after a command's lines ({@code tail -f}, {@code maintail -f}): following is the caller's
 * job, over HTTP like the reference's supervisorctl or by reading the file in-process.
 *
 * @param process the process name as typed, or {@code null} for supervisord's main log
 * @param channel the process's channel; {@code null} for the main log
 */
public record LogFollow(String process, LogChannel channel) {

    public static LogFollow mainLog() {
        return new LogFollow(null, null);
    }

    public boolean isMainLog() {
        return process == null;
    }

    /** The path the reference's supervisorctl streams from: {@code /logtail/NAME/CHANNEL} or {@code /mainlogtail}. */
    public String httpPath() {
        return isMainLog() ? "/mainlogtail" : "/logtail/" + process + "/" + channel.label();
    }
}
