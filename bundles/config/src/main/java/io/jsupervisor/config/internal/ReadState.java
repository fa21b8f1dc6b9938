package io.jsupervisor.config.internal;

import io.jsupervisor.config.ConfigMessage;
import io.jsupervisor.config.LoadContext;
import io.jsupervisor.config.LogLevel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the section readers share during one load. */
final class ReadState {
    final LoadContext context;
    final IniModel ini = new IniModel();
    final String mainFile;
    final String here;
    final PathRules paths;
    final PosixAccounts accounts;
    /** {@code ENV_*} names: the daemon's environment, later extended by {@code [supervisord] environment=}. */
    final Map<String, Object> envNames = new LinkedHashMap<>();
    private final List<ConfigMessage> warnings = new ArrayList<>();
    private final List<ConfigMessage> infos = new ArrayList<>();

    ReadState(LoadContext context, String mainFile, String here, PosixAccounts accounts) {
        this.context = context;
        this.mainFile = mainFile;
        this.here = here;
        this.accounts = accounts;
        this.paths = new PathRules(context.workingDirectory(), context.environment(), accounts);
        context.environment().forEach((k, v) -> envNames.put("ENV_" + k, v));
    }

    /** Options of a section, located in the file that first defined it. */
    SectionOptions options(String section) {
        String file = ini.fileOf(section);
        return new SectionOptions(ini, section, file == null ? mainFile : file, envNames);
    }

    void warn(String text) {
        warnings.add(new ConfigMessage(LogLevel.WARN, text));
    }

    void info(String text) {
        infos.add(new ConfigMessage(LogLevel.INFO, text));
    }

    /** Warnings first, then infos: the order in which the reference logs them at start-up. */
    List<ConfigMessage> messages() {
        List<ConfigMessage> all = new ArrayList<>(warnings);
        all.addAll(infos);
        return all;
    }

    Map<String, Object> hereNames() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("here", here);
        return m;
    }
}
