package io.jsupervisor.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A whole parsed configuration.
 *
 * @param configFile      the absolute path of the main file
 * @param supervisord     the {@code [supervisord]} section
 * @param inetHttpServers every {@code [inet_http_server*]} section
 * @param unixHttpServers every {@code [unix_http_server*]} section
 * @param supervisorctl   the {@code [supervisorctl]} section, or {@code null}
 * @param groups          every process group, sorted by (priority, name)
 * @param rpcInterfaces   every {@code [rpcinterface:x]} section
 * @param messages        warnings and infos to log at start-up, in order
 */
public record SupervisorConfig(
        Path configFile,
        SupervisordSpec supervisord,
        List<InetHttpServerSpec> inetHttpServers,
        List<UnixHttpServerSpec> unixHttpServers,
        CtlSpec supervisorctl,
        List<GroupSpec> groups,
        List<RpcInterfaceSpec> rpcInterfaces,
        List<ConfigMessage> messages) {

    public SupervisorConfig {
        inetHttpServers = List.copyOf(inetHttpServers);
        unixHttpServers = List.copyOf(unixHttpServers);
        groups = List.copyOf(groups);
        rpcInterfaces = List.copyOf(rpcInterfaces);
        messages = List.copyOf(messages);
    }

    public Optional<GroupSpec> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }
}
