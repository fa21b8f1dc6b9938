package io.jsupervisor.config;

import java.util.Map;

/**
 * The {@code [supervisord]} section, with command-line overrides already applied.
 *
 * @param logfile         absolute path of the main log, or {@code syslog}
 * @param pidfile         absolute path of the pidfile
 * @param umask           umask applied when daemonizing
 * @param childlogdir     absolute directory for AUTO child logs
 * @param user            user to switch to, or {@code null}
 * @param directory       directory to chdir to when daemonizing, or {@code null}
 * @param environment     added to every child's environment
 * @param identifier      returned by getIdentification, part of AUTO log names
 */
public record SupervisordSpec(
        String logfile,
        long logfileMaxbytes,
        int logfileBackups,
        LogLevel loglevel,
        String pidfile,
        int umask,
        boolean nodaemon,
        boolean silent,
        int minfds,
        int minprocs,
        boolean nocleanup,
        String childlogdir,
        String user,
        String directory,
        boolean stripAnsi,
        Map<String, String> environment,
        String identifier) {

    public SupervisordSpec {
        environment = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environment));
    }
}
