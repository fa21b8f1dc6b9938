package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.config.ProcessSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** memory_limit, cpu_limit, cpu_limit_window, rlimit_*: kept as text for the core, bad values refused with their place. */
class LimitOptionsTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    private String write(String name, String program) throws Exception {
        return fx.writeWebProgram(name, program);
    }

    private String refusal(String program) throws Exception {
        return fx.reason(write("bad.conf", program));
    }

    @Test
    void validValuesAreKeptAsTheyAreWritten() throws Exception {
        String f = write("ok.conf", """
                memory_limit = 512MB
                cpu_limit = 12.5%%
                cpu_limit_window = 30
                rlimit_nofile = 1024:4096
                rlimit_nproc = unlimited
                rlimit_core = 0:unlimited
                rlimit_as = 2gb
                """);
        ProcessSpec p = Fixtures.process(fx.load(f), "web");
        assertEquals("512MB", p.options().get("memory_limit"));
        assertEquals("12.5%", p.options().get("cpu_limit"), "a % sign is written %% as in every value");
        assertEquals("30", p.options().get("cpu_limit_window"));
        assertEquals("1024:4096", p.options().get("rlimit_nofile"));
        assertEquals("unlimited", p.options().get("rlimit_nproc"));
        assertEquals("0:unlimited", p.options().get("rlimit_core"));
        assertEquals("2gb", p.options().get("rlimit_as"));
    }

    @Test
    void memoryLimitIsAByteSizeAboveZero() throws Exception {
        assertEquals("[program:web] memory_limit: invalid literal for int() with base 10: 'lots'",
                refusal("memory_limit=lots\n"));
        assertEquals("[program:web] memory_limit: invalid literal for int() with base 10: '1.5'",
                refusal("memory_limit=1.5GB\n"));
        assertEquals("[program:web] memory_limit: not a byte size above 0: '0MB'", refusal("memory_limit=0MB\n"));
        assertEquals("[program:web] memory_limit: not a byte size above 0: '-1'", refusal("memory_limit=-1\n"));
    }

    @Test
    void cpuLimitIsAPercentageAboveZero() throws Exception {
        assertEquals("[program:web] cpu_limit: not a percentage above 0: '0'", refusal("cpu_limit=0\n"));
        assertEquals("[program:web] cpu_limit: not a percentage above 0: 'half'", refusal("cpu_limit=half\n"));
        assertEquals("[program:web] cpu_limit: not a percentage above 0: '-5'", refusal("cpu_limit=-5\n"));
        assertEquals("[program:web] cpu_limit_window: not a number of seconds from 1 to 3600: '0'",
                refusal("cpu_limit=50\ncpu_limit_window=0\n"));
        assertEquals("[program:web] cpu_limit_window: invalid literal for int() with base 10: '10s'",
                refusal("cpu_limit=50\ncpu_limit_window=10s\n"));
    }

    @Test
    void rlimitsAreANumberUnlimitedOrSoftColonHard() throws Exception {
        assertEquals("[program:web] rlimit_nofile: not a number, unlimited or soft:hard: 'many'",
                refusal("rlimit_nofile=many\n"));
        assertEquals("[program:web] rlimit_nproc: not a number, unlimited or soft:hard: '1MB'",
                refusal("rlimit_nproc=1MB\n"), "counts take no size suffix");
        assertEquals("[program:web] rlimit_nofile: soft limit above hard limit: '4096:1024'",
                refusal("rlimit_nofile=4096:1024\n"));
        assertEquals("[program:web] rlimit_nofile: soft limit above hard limit: 'unlimited:10'",
                refusal("rlimit_nofile=unlimited:10\n"));
        assertEquals("[program:web] rlimit_core: not a byte size, unlimited or soft:hard: '-1'",
                refusal("rlimit_core=-1\n"));
        assertEquals("[program:web] rlimit_as: not a byte size, unlimited or soft:hard: '1GB:2:3'",
                refusal("rlimit_as=1GB:2:3\n"));
    }

    @Test
    void valuesAreExpandedBeforeTheyAreChecked() throws Exception {
        // X=ex in the fixtures' environment
        assertEquals("[program:web] memory_limit: invalid literal for int() with base 10: 'ex'",
                refusal("memory_limit=%(ENV_X)s\n"));
    }
}
