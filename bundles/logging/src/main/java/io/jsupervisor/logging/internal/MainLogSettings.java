package io.jsupervisor.logging.internal;

import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.SupervisordSpec;
import java.nio.file.Path;

/**
 * Where the main log goes, from {@code [supervisord]}.
 *
 * @param file     the log file, or {@code null} when {@code logfile=syslog}
 * @param toStdout nodaemon without silent: every line is also copied to stdout
 * @param level    the configured loglevel, for the lines this bundle writes about itself
 */
record MainLogSettings(LogFileSpec file, boolean toStdout, LogLevel level) {
    static final String SYSLOG = "syslog";

    static MainLogSettings of(SupervisordSpec spec) {
        LogFileSpec file = SYSLOG.equals(spec.logfile()) ? null
                : new LogFileSpec(Path.of(spec.logfile()), spec.logfileMaxbytes(), spec.logfileBackups(), false);
        LogLevel level = spec.loglevel() == null ? LogLevel.INFO : spec.loglevel();
        return new MainLogSettings(file, spec.nodaemon() && !spec.silent(), level);
    }

    boolean toSyslog() {
        return file == null;
    }
}
