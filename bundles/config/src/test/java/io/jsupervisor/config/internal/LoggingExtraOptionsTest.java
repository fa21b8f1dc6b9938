package io.jsupervisor.config.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.config.ProcessSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Our extra logging options: kept as text for the logging bundle, bad values refused with their place. */
class LoggingExtraOptionsTest {
    @TempDir
    Path tmp;
    Fixtures fx;

    @BeforeEach
    void setUp() {
        fx = new Fixtures(tmp);
    }

    private String write(String name, String program) throws Exception {
        Files.writeString(tmp.resolve(name), "[supervisord]\n[program:web]\ncommand=/bin/web\n" + program);
        return name;
    }

    @Test
    void validValuesAreKeptAsTheyAreWritten() throws Exception {
        String f = write("ok.conf", "stdout_log_timestamps = True\nstderr_mirror=off\nstdout_mirror=1\n");
        ProcessSpec p = Fixtures.process(fx.load(f), "web");
        assertEquals("True", p.options().get("stdout_log_timestamps"));
        assertEquals("1", p.options().get("stdout_mirror"));
        assertEquals("off", p.options().get("stderr_mirror"));
        assertEquals(null, p.options().get("stderr_log_timestamps"), "absent means off");
    }

    @Test
    void aBadTimestampsValueNamesSectionOptionAndFile() throws Exception {
        String f = write("bad-ts.conf", "stdout_log_timestamps=sometimes\n");
        assertEquals("[program:web] stdout_log_timestamps: not a valid boolean value: 'sometimes'" + fx.inFile(f),
                fx.refusal(f));
    }

    @Test
    void valuesAreExpandedBeforeTheyAreChecked() throws Exception {
        String f = write("expanded.conf", "stderr_mirror=%(ENV_X)s\n"); // X=ex in the fixtures' environment
        assertEquals("[program:web] stderr_mirror: not a valid boolean value: 'ex'" + fx.inFile(f), fx.refusal(f));
    }

    @Test
    void aBadMirrorValueNamesSectionOptionAndFile() throws Exception {
        String f = write("bad-mirror.conf", "stderr_mirror=2\n");
        assertEquals("[program:web] stderr_mirror: not a valid boolean value: '2'" + fx.inFile(f), fx.refusal(f));
    }

    @Test
    void theReferencesOwnOptionsAreReportedFirst() throws Exception {
        String f = write("both-bad.conf", "stdout_mirror=maybe\nstdout_logfile_backups=many\n");
        assertEquals("[program:web] stdout_logfile_backups: invalid literal for int() with base 10: 'many'"
                + fx.inFile(f), fx.refusal(f));
    }
}
