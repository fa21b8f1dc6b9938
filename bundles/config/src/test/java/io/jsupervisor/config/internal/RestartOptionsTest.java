package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.jsupervisor.config.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backoff, backoff_max, retry_forever, restart_pause, remember_stopped: kept as text, bad values refused. */
class RestartOptionsTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    private String write(String name, String section, String options) throws Exception {
        Files.writeString(tmp.resolve(name), "[supervisord]\n[" + section + "]\ncommand=/bin/web\n" + options);
        return name;
    }

    @Test
    void validValuesAreKeptAsTheyAreWritten() throws Exception {
        String f = write("ok.conf", "program:web", "backoff = Exponential\nbackoff_max=60\nretry_forever=yes\n"
                + "restart_pause=0\nremember_stopped=on\n");
        ProcessSpec p = Fixtures.process(fx.load(f), "web");
        assertEquals("Exponential", p.options().get("backoff"));
        assertEquals("60", p.options().get("backoff_max"));
        assertEquals("yes", p.options().get("retry_forever"));
        assertEquals("0", p.options().get("restart_pause"));
        assertEquals("on", p.options().get("remember_stopped"));
    }

    @Test
    void withoutTheOptionsNothingIsAdded() throws Exception {
        ProcessSpec p = Fixtures.process(fx.load(write("none.conf", "program:web", "")), "web");
        assertNull(p.options().get("backoff"));
        assertNull(p.options().get("restart_pause"));
    }

    @Test
    void anUnknownBackoffKindNamesSectionOptionAndFile() throws Exception {
        String f = write("bad-kind.conf", "program:web", "backoff=quadratic\n");
        assertEquals("[program:web] backoff: invalid 'backoff' value 'quadratic': expected linear or exponential"
                + fx.inFile(f), fx.refusal(f));
    }

    @Test
    void backoffMaxMustBeAWholeNumberOfOneOrMore() throws Exception {
        String f = write("bad-max.conf", "program:web", "backoff_max=0\n");
        assertEquals("[program:web] backoff_max: invalid 'backoff_max' value '0': must be 1 or more" + fx.inFile(f),
                fx.refusal(f));
        String g = write("bad-max2.conf", "program:web", "backoff_max=1.5\n");
        assertEquals("[program:web] backoff_max: invalid literal for int() with base 10: '1.5'" + fx.inFile(g),
                fx.refusal(g));
    }

    @Test
    void aNegativeRestartPauseIsRefused() throws Exception {
        String f = write("bad-pause.conf", "program:web", "restart_pause=-1\n");
        assertEquals("[program:web] restart_pause: invalid 'restart_pause' value '-1': must be 0 or more"
                + fx.inFile(f), fx.refusal(f));
    }

    @Test
    void retryForeverAndRememberStoppedAreBooleans() throws Exception {
        String f = write("bad-forever.conf", "program:web", "retry_forever=always\n");
        assertEquals("[program:web] retry_forever: not a valid boolean value: 'always'" + fx.inFile(f),
                fx.refusal(f));
        String g = write("bad-remember.conf", "eventlistener:web", "events=TICK_5\nremember_stopped=2\n");
        assertEquals("[eventlistener:web] remember_stopped: not a valid boolean value: '2'" + fx.inFile(g),
                fx.refusal(g));
    }

    @Test
    void valuesAreExpandedBeforeTheyAreChecked() throws Exception {
        String f = write("expanded.conf", "program:web", "backoff=%(ENV_X)s\n"); // X=ex in the fixtures
        assertEquals("[program:web] backoff: invalid 'backoff' value 'ex': expected linear or exponential"
                + fx.inFile(f), fx.refusal(f));
    }

    @Test
    void theReferencesOwnOptionsAreReportedFirst() throws Exception {
        String f = write("both-bad.conf", "program:web", "backoff=never\nstartretries=many\n");
        assertEquals("[program:web] startretries: invalid literal for int() with base 10: 'many'" + fx.inFile(f),
                fx.refusal(f));
    }
}
