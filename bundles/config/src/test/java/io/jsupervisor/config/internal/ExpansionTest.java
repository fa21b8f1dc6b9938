package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.config.ProcessSpec;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The %(name)s expansions and which names each option sees (spec 1.3). */
class ExpansionTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    @Test
    void commandSeesHereEnvHostProgramGroupAndGlobalEnvironment() throws Exception {
        SupervisorConfig c = fx.load("expand-names.conf");
        ProcessSpec web = c.group("web").orElseThrow().processes().get(0);
        assertEquals("/bin/run " + tmp + " ex testhost web web from supervisord 100%", web.command());
    }

    @Test
    void processNumAndNumprocsWithFormatSpecs() throws Exception {
        SupervisorConfig c = fx.load("expand-names.conf");
        List<ProcessSpec> web = c.group("web").orElseThrow().processes();
        assertEquals(List.of("web_03", "web_04"), web.stream().map(ProcessSpec::name).toList());
        assertEquals(Map.of("NUM", "4/2", "OWN", "mine"), web.get(1).environment());
        assertEquals(4, web.get(1).processNum());
    }

    @Test
    void ownEnvironmentFeedsEnvNamesOfLaterOptions() throws Exception {
        SupervisorConfig c = fx.load("expand-names.conf");
        assertEquals("/srv/mine/003", c.group("web").orElseThrow().processes().get(0).directory());
    }

    @Test
    void groupNameIsTheHeterogeneousGroup() throws Exception {
        SupervisorConfig c = fx.load("expand-names.conf");
        ProcessSpec member = Fixtures.process(c, "site");
        assertEquals("/bin/member site", member.command());
        assertEquals("site", member.groupName());
        assertEquals("member", member.programName());
    }

    @Test
    void processNumIsNotAvailableInPerSectionOptions() {
        // the group priority is read first, with only "here" and ENV_* available
        assertEquals("[program:a] priority: Format string '%(process_num)d' for 'program:a.priority' contains names "
                + "('process_num') which cannot be expanded. Available names: ENV_HOME, ENV_X, here"
                + fx.inFile("expand-process-num-in-priority.conf"),
                fx.refusal("expand-process-num-in-priority.conf"));
    }

    @Test
    void malformedFormatIsRefused() {
        assertEquals("[program:a] command: Format string '/bin/a %(program_name)' for 'program:a.command' is badly "
                + "formatted: incomplete format" + fx.inFile("expand-bad-format.conf"),
                fx.refusal("expand-bad-format.conf"));
    }

    @Test
    void logfileNamesAreExpandedTwice() throws Exception {
        SupervisorConfig c = fx.load("expand-logfile-twice.conf");
        assertEquals(tmp + "/a.log", Fixtures.process(c, "a").stdout().logfile());
    }

    @Test
    void pythonFormatSpecsAndErrors() {
        Map<String, Object> names = Map.of("n", 7, "s", "hi");
        assertEquals("007|7   |+7|0x7|   hi|'hi'|%", PercentFormat.expand("%(n)03d|%(n)-4d|%(n)+d|%(n)#x|%(s)5s|%(s)r|%%",
                names, "t"));
        assertEquals("Format string '%USER%' for 't' is badly formatted: unsupported format character 'U' (0x55) "
                + "at index 1", refusal(() -> PercentFormat.expand("%USER%", names, "t")));
        assertEquals("Format string '%(s)d' for 't' is badly formatted: %d format: a real number is required, not str",
                refusal(() -> PercentFormat.expand("%(s)d", names, "t")));
        assertEquals("Format string '%(s)s %z' for 't' is badly formatted: not enough arguments for format string",
                refusal(() -> PercentFormat.expand("%(s)s %z", names, "t")));
    }

    static String refusal(Runnable r) {
        try {
            r.run();
        } catch (Refusal e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }
}
