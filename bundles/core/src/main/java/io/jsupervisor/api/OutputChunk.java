package io.jsupervisor.api;

/**
 * A piece of a child's output, as read from its pipe, on its way to the output sinks.
 *
 * @param sequence increases by one for every chunk of the daemon; gaps mean chunks were dropped
 * @param group    the process's group
 * @param process  the process name
 * @param channel  which stream it came from
 * @param logFile  where this channel is logged, or {@code null} when it has no log file
 * @param data     the bytes, exactly as read (after {@code strip_ansi} if set); never modified by sinks
 */
public record OutputChunk(long sequence, String group, String process, LogChannel channel,
                          LogFileSpec logFile, byte[] data) {
}
