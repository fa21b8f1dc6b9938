package io.jsupervisor.ctl.shell;

import io.jsupervisor.api.LogChannel;

/**
 * A log to follow after a command's lines ({@code tail -f}, {@code maintail -f}, {@code fg}): following is the
 * caller's job, over HTTP like the reference's supervisorctl or by reading the file in-process.
 *
 * @param process    the process name as typed, or {@code null} for supervisord's main log
 * @param channel    the process's channel; {@code null} for the main log and for {@code fg}
 * @param foreground {@code fg}: follow both channels and feed typed lines to the process's stdin
 *                   ({@link Supervisorctl#foreground}) until end of input or the process stops
 */
public record LogFollow(String process, LogChannel channel, boolean foreground) {

    public LogFollow(String process, LogChannel channel) {
        this(process, channel, false);
    }

    public static LogFollow mainLog() {
        return new LogFollow(null, null);
    }

    /** {@code fg NAME}. */
    public static LogFollow foreground(String process) {
        return new LogFollow(process, null, true);
    }

    public boolean isMainLog() {
        return process == null;
    }

    /**
     * The path the reference's supervisorctl streams from: {@code /logtail/NAME/CHANNEL} or
     * {@code /mainlogtail}; for {@code fg} the stdout path (stderr's is {@link #httpPath(LogChannel)}).
     */
    public String httpPath() {
        return isMainLog() ? "/mainlogtail" : httpPath(channel == null ? LogChannel.STDOUT : channel);
    }

    /** {@code /logtail/NAME/CHANNEL} for this process. */
    public String httpPath(LogChannel logChannel) {
        return "/logtail/" + process + "/" + logChannel.label();
    }
}
