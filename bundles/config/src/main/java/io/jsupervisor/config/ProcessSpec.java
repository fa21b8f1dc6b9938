package io.jsupervisor.config;

import java.util.List;
import java.util.Map;

/**
 * One process as configured: a {@code [program:x]} (or listener / fcgi) section expanded for one
 * {@code process_num}. Equality is what {@code reloadConfig} uses to call a group "changed"; AUTO log
 * names are kept as {@link ChannelLogSpec#AUTO}, so they never count as a change.
 *
 * @param name           the process name ({@code process_name} expanded)
 * @param programName    the section's name after {@code program:}
 * @param groupName      the group it belongs to
 * @param processNum     its {@code process_num}
 * @param command        the {@code command} value after expansion (split with POSIX shell rules at spawn)
 * @param priority       start order, low first
 * @param environment    the program's own {@code environment=} (the global one is in {@link SupervisordSpec})
 * @param directory      chdir before exec, or {@code null}
 * @param umask          umask applied in the child, or {@code null} to inherit
 * @param user           user to run as, or {@code null}
 * @param uid            the numeric uid of {@code user}, or {@code null}
 * @param stopsignal     signal number sent on stop
 * @param exitcodes      the expected exit statuses
 * @param serverurl      {@code AUTO} or the URL to put in {@code SUPERVISOR_SERVER_URL}
 * @param options        every option of the section as expanded text (lower-case keys), for extensions
 */
public record ProcessSpec(
        String name,
        String programName,
        String groupName,
        int processNum,
        String command,
        int priority,
        boolean autostart,
        int startsecs,
        int startretries,
        AutoRestart autorestart,
        List<Integer> exitcodes,
        int stopsignal,
        int stopwaitsecs,
        boolean stopasgroup,
        boolean killasgroup,
        String user,
        Integer uid,
        boolean redirectStderr,
        ChannelLogSpec stdout,
        ChannelLogSpec stderr,
        Map<String, String> environment,
        String directory,
        Integer umask,
        String serverurl,
        Map<String, String> options) {

    public ProcessSpec {
        exitcodes = List.copyOf(exitcodes);
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options));
    }
}
