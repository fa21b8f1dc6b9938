package io.jsupervisor.core.internal;

import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.UnixHttpServerSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** A child's environment with the reference's real precedence (spec 2.6). */
final class ChildEnvironment {
    private ChildEnvironment() {
    }

    /**
     * [supervisord] environment merged with the program's (program wins): what PATH search uses too.
     *
     * @param global the [supervisord] environment of the file the program was read from (the reference merges
     *               it into each process when it reads the file, so a later reread changes only what it replaces)
     */
    static Map<String, String> configured(Map<String, String> global, ProcessSpec spec) {
        Map<String, String> env = new LinkedHashMap<>(global);
        env.putAll(spec.environment());
        return env;
    }

    static Map<String, String> build(Map<String, String> daemonEnv, SupervisorConfig config,
                                     Map<String, String> global, ProcessSpec spec) {
        Map<String, String> env = new LinkedHashMap<>(daemonEnv);
        env.put("SUPERVISOR_ENABLED", "1");
        String url = serverUrl(config, spec);
        if (url != null) {
            env.put("SUPERVISOR_SERVER_URL", url);
        }
        env.put("SUPERVISOR_PROCESS_NAME", spec.name());
        env.put("SUPERVISOR_GROUP_NAME", spec.groupName());
        env.putAll(configured(global, spec)); // the global environment= beats SUPERVISOR_* (observed)
        return env;
    }

    /** serverurl=AUTO: the first unix server, else the last inet server, else none. */
    static String serverUrl(SupervisorConfig config, ProcessSpec spec) {
        if (spec.serverurl() != null && !"AUTO".equals(spec.serverurl())) {
            return spec.serverurl();
        }
        for (UnixHttpServerSpec u : config.unixHttpServers()) {
            return "unix://" + u.file();
        }
        String url = null;
        for (InetHttpServerSpec i : config.inetHttpServers()) {
            url = "http://" + (i.host() == null || i.host().isEmpty() ? "localhost" : i.host()) + ":" + i.port();
        }
        return url;
    }
}
