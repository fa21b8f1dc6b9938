package io.jsupervisor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file as supervisorctl reads it (spec 1.1, 1.8). */
class CtlConfigLoaderTest {
    @TempDir
    Path tmp;

    private LoadContext context() {
        return new LoadContext(Map.of(), "host", tmp, Map.of());
    }

    @Test
    void onlyTheSupervisorctlSectionIsNeeded() throws Exception {
        Path conf = tmp.resolve("ctl.conf");
        Files.copy(Path.of(getClass().getClassLoader().getResource("fixtures/ctl-only.conf").toURI()), conf);
        assertEquals(new CtlSpec("unix://" + tmp + "/sv.sock", "u", "p%w", "mine", null),
                CtlConfigLoader.load(conf, context()));
    }

    @Test
    void fileWithoutSupervisorctlSectionIsRefused() throws Exception {
        Path conf = Files.writeString(tmp.resolve("s.conf"), "[supervisord]\n");
        assertEquals(".ini file does not include supervisorctl section (file: '" + conf + "')",
                assertThrows(ConfigException.class, () -> CtlConfigLoader.load(conf, context())).getMessage());
    }

    @Test
    void updateChangedOnlyIsOurSettingOffByDefaultAndABadValueIsRefused() throws Exception {
        Path on = Files.writeString(tmp.resolve("on.conf"), "[supervisorctl]\nupdate_changed_only = yes\n");
        assertEquals(true, CtlConfigLoader.load(on, context()).updateChangedOnly());
        Path off = Files.writeString(tmp.resolve("off.conf"), "[supervisorctl]\n");
        assertEquals(false, CtlConfigLoader.load(off, context()).updateChangedOnly());
        Path bad = Files.writeString(tmp.resolve("bad.conf"), "[supervisorctl]\nupdate_changed_only = maybe\n");
        assertEquals("[supervisorctl] update_changed_only: not a valid boolean value: 'maybe' (file: '" + bad + "')",
                assertThrows(ConfigException.class, () -> CtlConfigLoader.load(bad, context())).getMessage());
    }
}
