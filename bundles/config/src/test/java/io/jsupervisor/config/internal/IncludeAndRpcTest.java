package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.config.ConfigMessage;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.RpcInterfaceSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code [include]} and {@code [rpcinterface:x]} (spec 1.13, 1.14). */
class IncludeAndRpcTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    @Test
    void includedFilesAreReadSortedWithTheirOwnHereAndNotRecursively() throws Exception {
        Path tree = fx.path("include-tree");
        SupervisorConfig c = fx.load("include-tree/main.conf");
        assertEquals(List.of("a", "b", "extra", "main"), c.groups().stream().map(GroupSpec::name).toList());
        assertEquals(tree + "/conf.d/a", Fixtures.process(c, "a").command());
        assertEquals(tree + "/main", Fixtures.process(c, "main").command());
        assertEquals(9, Fixtures.process(c, "main").startsecs(), "a later file overrides an earlier section");
        assertEquals(List.of(
                new ConfigMessage(LogLevel.WARN, "No file matches via include \"" + tree + "/nomatch/*.conf\""),
                new ConfigMessage(LogLevel.INFO, "Included extra file \"" + tree + "/conf.d/a.conf\" during parsing"),
                new ConfigMessage(LogLevel.INFO, "Included extra file \"" + tree + "/conf.d/b.conf\" during parsing"),
                new ConfigMessage(LogLevel.INFO, "Included extra file \"" + tree + "/other/extra.ini\" during parsing")),
                c.messages());
    }

    @Test
    void includeWithoutFilesIsRefused() {
        assertEquals("[include] .ini file has [include] section, but no files setting" + fx.inFile("include-no-files.conf"),
                fx.refusal("include-no-files.conf"));
    }

    @Test
    void mainRpcInterfaceWithExtraOptions() throws Exception {
        assertEquals(List.of(new RpcInterfaceSpec("supervisor", RpcInterfaceSpec.MAIN_FACTORY, Map.of("retries", "3"))),
                fx.load("rpc.conf").rpcInterfaces());
    }

    @Test
    void otherFactoriesCannotBeResolved() {
        assertEquals("[rpcinterface:twiddler] supervisor.rpcinterface_factory: "
                + "supervisor_twiddler.rpcinterface:make_twiddler_rpcinterface cannot be resolved within "
                + "[rpcinterface:twiddler]" + fx.inFile("rpc-unknown.conf"), fx.refusal("rpc-unknown.conf"));
    }
}
