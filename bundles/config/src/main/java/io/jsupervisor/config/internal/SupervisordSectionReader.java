package io.jsupervisor.config.internal;

import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.SupervisordSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code [supervisord]}, in the reference's order of checks, then the command-line overrides (which beat
 * the file but do not spare the file's values their checks), then the user and path normalisation done in
 * {@code ServerOptions.realize}.
 */
final class SupervisordSectionReader {
    private final ReadState state;
    private final SectionOptions opts;
    private final Map<String, Object> here;

    private SupervisordSectionReader(ReadState state) {
        this.state = state;
        this.opts = state.options("supervisord");
        this.here = state.hereNames();
    }

    static SupervisordSpec read(ReadState state, Map<String, Object> osEnvNames) {
        return new SupervisordSectionReader(state).read(osEnvNames);
    }

    private SupervisordSpec read(Map<String, Object> osEnvNames) {
        PathRules paths = state.paths;
        int minfds = value("minfds", "1024", PyValues::integer);
        int minprocs = value("minprocs", "200", PyValues::integer);
        String directory = value("directory", null, paths::existingDirectory);
        String user = value("user", null, Function.identity());
        int umask = value("umask", "022", PyValues::octal);
        String logfile = value("logfile", "supervisord.log", paths::existingDirpath);
        long logfileMaxbytes = value("logfile_maxbytes", "50MB", PyValues::byteSize);
        int logfileBackups = value("logfile_backups", "10", PyValues::integer);
        LogLevel loglevel = value("loglevel", "info", PyValues::logLevel);
        String pidfile = value("pidfile", "supervisord.pid", paths::existingDirpath);
        String identifier = value("identifier", "supervisor", Function.identity());
        boolean nodaemon = value("nodaemon", "false", PyValues::bool);
        boolean silent = value("silent", "false", PyValues::bool);
        String childlogdir = value("childlogdir", paths.tempDir(), paths::existingDirectory);
        boolean nocleanup = value("nocleanup", "false", PyValues::bool);
        boolean stripAnsi = value("strip_ansi", "false", PyValues::bool);
        Map<String, String> environment = environment(osEnvNames);
        environment.forEach((k, v) -> state.envNames.put("ENV_" + k, v));
        if (!"syslog".equals(logfile)) {
            logfile = paths.normalize(logfile);
        }
        return new SupervisordSpec(logfile, logfileMaxbytes, logfileBackups, loglevel, paths.normalize(pidfile),
                umask, nodaemon, silent, minfds, minprocs, nocleanup, paths.absolute(childlogdir), user,
                directory, stripAnsi, environment, identifier);
    }

    /** The file's value (checked), replaced by the command line's when there is one (checked too). */
    private <T> T value(String option, String dflt, Function<String, T> type) {
        String text = opts.get(option, dflt, here);
        T fromFile = text == null ? null : opts.typed(option, text, type);
        String override = state.context.overrides().get(option);
        if (override == null) {
            return fromFile;
        }
        try {
            return type.apply(override);
        } catch (Refusal r) {
            throw new Refusal("invalid value on the command line: " + r.getMessage()).at("supervisord", option,
                    null);
        }
    }

    private Map<String, String> environment(Map<String, Object> osEnvNames) {
        String once = opts.get("environment", "", here);
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("here", state.here);
        names.put("host_node_name", state.context.hostName());
        names.putAll(osEnvNames);
        // 4.2.5 expands this value twice (so %% cannot give a literal %)
        String twice = opts.at("environment", () -> PercentFormat.expand(once, names, "environment"));
        Map<String, String> environment = opts.typed("environment", twice, KeyValuePairs::parse);
        return EnvironmentFile.under(opts, names, state.paths, environment);
    }
}
