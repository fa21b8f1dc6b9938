package io.jsupervisor.core.internal;

import static io.jsupervisor.core.internal.Specs.config;
import static io.jsupervisor.core.internal.Specs.proc;
import static io.jsupervisor.core.internal.Specs.program;
import static io.jsupervisor.core.internal.Specs.sh;
import static io.jsupervisor.core.internal.Specs.supervisord;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.UpdateReport;
import io.jsupervisor.config.GroupSpec;
import io.jsupervisor.config.LogLevel;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A change of {@code [supervisord] environment} reaches the processes of the groups that are replaced, and only
 * those: the reference merges it into each process when it reads the file, so a group keeps the environment of the
 * file it was added from until it is replaced.
 */
class GlobalEnvironmentRereadTest {
    @TempDir
    Path dir;

    private static GroupSpec printer(String name, Map<String, String> own) {
        Specs.Proc p = proc(name, sh("echo G=$G; exec sleep 60")).startsecs(0).stopwaitsecs(5);
        own.forEach(p::env);
        return program(p);
    }

    private SupervisorConfig file(String g) {
        return config(supervisord(dir, LogLevel.INFO, Map.of("G", g)), List.of(), dir,
                printer("follows", Map.of()), printer("overrides", Map.of("G", "own")));
    }

    private static void awaitLines(Harness h, String process, List<String> lines) {
        h.await(process + " printing " + lines, Duration.ofSeconds(10),
                () -> List.of(h.output(process, LogChannel.STDOUT).split("\n")).equals(lines));
    }

    @Test
    void theReferencesUpdateStepsGiveTheReplacedGroupTheNewEnvironment() throws Exception {
        try (Harness h = new Harness(file("1"))) {
            h.awaitState("follows", ProcessState.RUNNING, 10);
            awaitLines(h, "follows", List.of("G=1"));
            h.reloaded = file("2");

            assertEquals(List.of("follows"), h.pm.reloadConfig().changed(), "overrides ends up with G=own either way");
            h.pm.stopProcessGroup("follows", true).get(30, TimeUnit.SECONDS);
            h.pm.removeProcessGroup("follows");
            h.pm.addProcessGroup("follows");

            h.awaitState("follows", ProcessState.RUNNING, 10);
            awaitLines(h, "follows", List.of("G=1", "G=2"));
            assertEquals(List.of(), h.pm.reloadConfig().changed(), "the group now runs the file it was read from");
            h.pm.stopProcess("overrides", true).get(30, TimeUnit.SECONDS);
            h.pm.startProcess("overrides", true).get(30, TimeUnit.SECONDS);
            awaitLines(h, "overrides", List.of("G=own", "G=own"));
        }
    }

    @Test
    void updateChangedOnlyGivesTheReplacedProcessTheNewEnvironment() throws Exception {
        try (Harness h = new Harness(file("1"))) {
            h.awaitState("follows", ProcessState.RUNNING, 10);
            awaitLines(h, "follows", List.of("G=1"));
            h.reloaded = file("2");

            UpdateReport r = h.pm.updateChangedOnly().get(30, TimeUnit.SECONDS);

            assertEquals(List.of("follows"), r.restarted());
            h.awaitState("follows", ProcessState.RUNNING, 10);
            awaitLines(h, "follows", List.of("G=1", "G=2"));
            assertEquals(List.of(), h.pm.reloadConfig().changed(), "the group now runs the file it was read from");
        }
    }
}
