package io.jsupervisor.web.ui.internal;

import static io.jsupervisor.web.ui.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The health badge: in the rows and the JSON of programs with a check only, escaped. */
class HealthBadgeTest {
    static final HealthInfo WEB = new HealthInfo("grp:web", HealthState.UNHEALTHY, "http://h/", 1,
            "<b>timed out</b>", 3);
    static final HealthInfo PLAIN = new HealthInfo("plain", HealthState.NONE, "", 0, "", 0);

    private final FakeProcessManager pm = new FakeProcessManager() {
        @Override
        public List<HealthInfo> allHealth() {
            return List.of(WEB, PLAIN);
        }
    };
    private final List<ProcessInfo> rows = List.of(process("grp", "web", ProcessState.RUNNING, "pid 77"),
            process("plain", "plain", ProcessState.RUNNING, "pid 78"));

    @Test
    void onlyProgramsWithACheckHaveABadge() {
        Map<String, HealthInfo> health = HealthBadges.of(pm);
        assertEquals(Map.of("grp:web", WEB), health);
        String html = new StatusPage().render(rows, health, null, "tok", "N", 2026);
        assertTrue(html.contains("<span class=\"statusrunning\">running</span><span class=\"health healthunhealthy\" "
                + "title=\"&lt;b&gt;timed out&lt;/b&gt;\">unhealthy</span></td>"), html);
        String plain = html.substring(html.indexOf("data-name=\"plain\""));
        assertTrue(plain.contains("<span class=\"statusrunning\">running</span></td>"), "as the reference's row");
        assertEquals(1, html.split("class=\"health ", -1).length - 1);
    }

    @Test
    void theJsonCarriesHealthForCheckedProgramsOnly() {
        String json = StatusJson.render(rows, HealthBadges.of(pm));
        assertTrue(json.contains("\"pid\":77,\"health\":\"UNHEALTHY\",\"healthResult\":"
                + "\"\\u003cb\\u003etimed out\\u003c/b\\u003e\",\"actions\""), json);
        assertFalse(json.substring(json.indexOf("\"namespec\":\"plain\"")).contains("health"), json);
        assertEquals(StatusJson.render(rows), StatusJson.render(rows, Map.of()), "without health: as before");
    }
}
