package io.jsupervisor.config.internal;

import io.jsupervisor.config.ConfigException;
import io.jsupervisor.config.CtlSpec;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.LoadContext;
import io.jsupervisor.config.RpcInterfaceSpec;
import io.jsupervisor.config.SupervisorConfig;
import io.jsupervisor.config.SupervisordSpec;
import io.jsupervisor.config.UnixHttpServerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a whole configuration in the reference's order ({@code ServerOptions.read_config} + {@code realize}). */
public final class SupervisorConfigReader {
    private final LoadContext context;
    private final Path etc;

    public SupervisorConfigReader(LoadContext context) {
        this(context, Path.of("/etc"));
    }

    /** With another directory holding {@code passwd} and {@code group} (for tests). */
    public SupervisorConfigReader(LoadContext context, Path etc) {
        this.context = context;
        this.etc = etc;
    }

    public SupervisorConfig read(Path file) throws ConfigException {
        try {
            return readOrRefuse(file);
        } catch (Refusal r) {
            throw r.toConfigException();
        }
    }

    private SupervisorConfig readOrRefuse(Path file) {
        Path resolved = context.workingDirectory().resolve(file);
        String main = PathRules.normpath(resolved.toAbsolutePath().toString());
        if (!Files.exists(resolved)) {
            throw new Refusal("could not find config file " + file);
        }
        ReadState state = new ReadState(context, main, PathRules.dirname(main), new PosixAccounts(etc));
        try {
            state.ini.read(resolved, main, false);
        } catch (IOException e) {
            throw new Refusal("could not read config file " + file);
        } catch (Refusal r) {
            throw r.at(null, null, null);
        }
        Map<String, Object> osEnvNames = new LinkedHashMap<>(state.envNames);
        IncludeReader.apply(state, osEnvNames);
        if (!state.ini.hasSection("supervisord")) {
            throw new Refusal(".ini file does not include supervisord section").at(null, null, main);
        }
        SupervisordSpec supervisord = SupervisordSectionReader.read(state, osEnvNames);
        List<RpcInterfaceSpec> rpc = RpcInterfacesReader.read(state);
        List<GroupSpec> groups = GroupsReader.read(state);
        DependencyGraph.check(state, groups);
        List<InetHttpServerSpec> inet = HttpServersReader.inet(state);
        List<UnixHttpServerSpec> unix = HttpServersReader.unix(state);
        if (supervisord.user() != null) {
            state.options("supervisord").typed("user", supervisord.user(), state.accounts::uidOf);
        }
        CtlSpec ctl = CtlSectionReader.read(state);
        return new SupervisorConfig(Path.of(main), supervisord, inet, unix, ctl, groups, rpc, state.messages());
    }
}
