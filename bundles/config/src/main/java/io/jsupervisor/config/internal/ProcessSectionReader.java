package io.jsupervisor.config.internal;

import io.jsupervisor.config.AutoRestart;
import io.jsupervisor.config.ChannelLogSpec;
import io.jsupervisor.config.ProcessSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The processes of a {@code [program:x]} (also {@code [eventlistener:x]}, {@code [fcgi-program:x]})
 * section, as {@code _processes_from_section} makes them: options read once per section first, then
 * per {@code process_num} the ones that may use {@code process_num}, {@code numprocs} and the program's
 * own {@code ENV_*} names.
 */
final class ProcessSectionReader {
    private final ReadState state;
    private final SectionOptions opts;
    private final String programName;
    private final String groupName;
    /** Shared, growing names, exactly as the reference mutates its {@code common_expansions}. */
    private final Map<String, Object> names = new LinkedHashMap<>();

    private ProcessSectionReader(ReadState state, String section, String groupName) {
        this.state = state;
        this.opts = state.options(section);
        this.programName = opts.at(null, () -> PyValues.name(section.split(":", 2)[1]));
        this.groupName = groupName;
        names.put("here", state.here);
        names.put("program_name", programName);
        names.put("host_node_name", state.context.hostName());
        names.put("group_name", groupName);
    }

    static List<ProcessSpec> read(ReadState state, String section, String groupName) {
        return new ProcessSectionReader(state, section, groupName).read();
    }

    private <T> T value(String option, String dflt, java.util.function.Function<String, T> type) {
        String text = opts.get(option, dflt, names);
        return text == null ? null : opts.typed(option, text, type);
    }

    /** The options read once per section, before any {@code process_num} exists. */
    private record PerSection(int priority, boolean autostart, AutoRestart autorestart, int startsecs,
                              int startretries, int stopsignal, int stopwaitsecs, boolean stopasgroup,
                              boolean killasgroup, List<Integer> exitcodes, boolean redirectStderr, int numprocs,
                              int numprocsStart, String environmentText, long stdoutCapture, boolean stdoutEvents,
                              long stderrCapture, boolean stderrEvents, String serverurl, String user, Integer uid,
                              Integer umask, String processName) {
    }

    private List<ProcessSpec> read() {
        PerSection s = perSection();
        List<ProcessSpec> out = new ArrayList<>();
        for (int num = s.numprocsStart(); num < s.numprocsStart() + s.numprocs(); num++) {
            out.add(process(num, s));
        }
        return out;
    }

    /** In the reference's order, so that the first bad option is the one reported. */
    private PerSection perSection() {
        int priority = value("priority", "999", PyValues::integer);
        boolean autostart = value("autostart", "true", PyValues::bool);
        AutoRestart autorestart = value("autorestart", "unexpected", PyValues::autoRestart);
        int startsecs = value("startsecs", "1", PyValues::integer);
        int startretries = value("startretries", "3", PyValues::integer);
        int stopsignal = value("stopsignal", "TERM", PyValues::signal);
        int stopwaitsecs = value("stopwaitsecs", "10", PyValues::integer);
        boolean stopasgroup = value("stopasgroup", "false", PyValues::bool);
        boolean killasgroup = value("killasgroup", stopasgroup ? "true" : "false", PyValues::bool);
        List<Integer> exitcodes = value("exitcodes", "0", PyValues::exitcodes);
        boolean redirectStderr = value("redirect_stderr", "false", PyValues::bool);
        int numprocs = value("numprocs", "1", PyValues::integer);
        int numprocsStart = value("numprocs_start", "0", PyValues::integer);
        String environmentText = opts.has("environment") ? opts.raw("environment") : "";
        long stdoutCapture = value("stdout_capture_maxbytes", "0", PyValues::byteSize);
        boolean stdoutEvents = value("stdout_events_enabled", "false", PyValues::bool);
        long stderrCapture = value("stderr_capture_maxbytes", "0", PyValues::byteSize);
        boolean stderrEvents = value("stderr_events_enabled", "false", PyValues::bool);
        String serverurl = opts.get("serverurl", null, names);
        if (serverurl == null || PyText.strip(serverurl).toUpperCase(java.util.Locale.ROOT).equals("AUTO")) {
            serverurl = "AUTO";
        }
        String user = opts.get("user", null, names);
        Integer uid = user == null ? null : opts.typed("user", user, state.accounts::uidOf);
        Integer umask = value("umask", null, PyValues::octal);
        String processName = opts.typed("process_name",
                opts.has("process_name") ? opts.raw("process_name") : "%(program_name)s", PyValues::name);
        if (numprocs > 1 && !processName.contains("%(process_num)")) {
            throw opts.refuse("process_name",
                    "%(process_num) must be present within process_name when numprocs > 1");
        }
        if (stopasgroup && !killasgroup) {
            throw opts.refuse("killasgroup", "Cannot set stopasgroup=true and killasgroup=false");
        }
        return new PerSection(priority, autostart, autorestart, startsecs, startretries, stopsignal, stopwaitsecs,
                stopasgroup, killasgroup, exitcodes, redirectStderr, numprocs, numprocsStart, environmentText,
                stdoutCapture, stdoutEvents, stderrCapture, stderrEvents, serverurl, user, uid, umask, processName);
    }

    /** One process: the options that may use {@code process_num}, {@code numprocs} and its own ENV_ names. */
    private ProcessSpec process(int num, PerSection s) {
        names.put("process_num", num);
        names.put("numprocs", s.numprocs());
        names.putAll(state.envNames);
        Map<String, String> environment = opts.typed("environment",
                opts.at("environment", () -> PercentFormat.expand(s.environmentText(), names, "environment")),
                KeyValuePairs::parse);
        environment = EnvironmentFile.under(opts, names, state.paths, environment);
        environment.forEach((k, v) -> names.put("ENV_" + k, v));
        String directory = opts.get("directory", null, names);
        ChannelLogSpec stdout = channel("stdout", s.stdoutCapture(), s.stdoutEvents());
        ChannelLogSpec stderr = channel("stderr", s.stderrCapture(), s.stderrEvents());
        LoggingExtraOptions.check(opts, names);
        RestartOptions.check(opts, names);
        HealthOptions.check(opts, names);
        LimitOptions.check(opts, names);
        DependencyOptions.check(opts, names);
        if (s.redirectStderr()) {
            if (stderr.logfile() != null && !stderr.isAuto()) {
                state.warn("For [" + opts.section() + "], redirect_stderr=true but stderr_logfile has also "
                        + "been set to a filename, the filename has been ignored");
            }
            stderr = new ChannelLogSpec(null, stderr.maxbytes(), stderr.backups(), stderr.captureMaxbytes(),
                    stderr.eventsEnabled(), stderr.syslog());
        }
        String command = opts.get("command", null, names);
        if (command == null) {
            throw opts.refuse("command", "program section " + opts.section() + " does not specify a command");
        }
        String name = opts.at("process_name", () -> PercentFormat.expand(s.processName(), names, "process_name"));
        return new ProcessSpec(name, programName, groupName, num, command, s.priority(), s.autostart(),
                s.startsecs(), s.startretries(), s.autorestart(), s.exitcodes(), s.stopsignal(), s.stopwaitsecs(),
                s.stopasgroup(), s.killasgroup(), s.user(), s.uid(), s.redirectStderr(), stdout, stderr, environment,
                directory, s.umask(), s.serverurl(), allOptions());
    }

    /** One channel's log settings; the file name is expanded twice, as in the reference. */
    private ChannelLogSpec channel(String ch, long captureMaxbytes, boolean eventsEnabled) {
        String key = ch + "_logfile";
        String once = opts.get(key, null, names);
        String logfile = ChannelLogSpec.AUTO;
        if (once != null) {
            String twice = opts.at(key, () -> PercentFormat.expand(once, names, key));
            logfile = opts.typed(key, twice, this::logfileName);
        }
        int backups = value(ch + "_logfile_backups", "10", PyValues::integer);
        long maxbytes = value(ch + "_logfile_maxbytes", "50MB", PyValues::byteSize);
        boolean syslog = value(ch + "_syslog", "False", PyValues::bool);
        if ("syslog".equals(logfile)) {
            state.warn("For [" + opts.section() + "], " + key + "=syslog but this is deprecated and will be removed."
                    + "  Use " + ch + "_syslog=true to enable syslog instead.");
            logfile = null;
            syslog = true;
        }
        if (ChannelLogSpec.AUTO.equals(logfile) && maxbytes == 0) {
            state.warn("For [" + opts.section() + "], AUTO logging used for " + key + " without rollover, set "
                    + "maxbytes > 0 to avoid filling up filesystem unintentionally");
        }
        return new ChannelLogSpec(logfile, maxbytes, backups, captureMaxbytes, eventsEnabled, syslog);
    }

    /** {@code logfile_name}: NONE/OFF, AUTO, syslog, or a path whose directory exists (made absolute). */
    private String logfileName(String value) {
        String lower = PyText.lower(value);
        if (lower.equals("none") || lower.equals("off")) {
            return null;
        }
        if (lower.equals("auto")) {
            return ChannelLogSpec.AUTO;
        }
        if (lower.equals("syslog")) {
            return "syslog";
        }
        return state.paths.absolute(state.paths.existingDirpath(value));
    }

    /** Every option of the section, expanded with this process's names where that works, else raw. */
    private Map<String, String> allOptions() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : state.ini.options(opts.section())) {
            String raw = opts.raw(key);
            try {
                out.put(key, opts.expand(key, raw, names));
            } catch (Refusal r) {
                out.put(key, raw);
            }
        }
        return out;
    }
}
