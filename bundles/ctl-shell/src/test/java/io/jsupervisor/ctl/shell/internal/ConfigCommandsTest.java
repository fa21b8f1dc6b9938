package io.jsupervisor.ctl.shell.internal;

import static io.jsupervisor.ctl.shell.internal.FakeProcessManager.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.ConfigInfo;
import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.ReloadResult;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.Supervisorctl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** avail, reread, update, add and remove (spec §4.3). */
class ConfigCommandsTest {
    private final FakeProcessManager manager = new FakeProcessManager();
    private final Supervisorctl ctl = new Supervisorctl(manager);

    private static void assertResult(CtlResult result, int exitStatus, String... lines) {
        assertEquals(List.of(lines), result.lines());
        assertEquals(exitStatus, result.exitStatus());
    }

    private static ConfigInfo config(String group, String name, boolean inuse, boolean autostart, int prio) {
        return new ConfigInfo(autostart, "/bin/cat", "none", List.of(0), group, 999, inuse, false, name, prio,
                false, "AUTO", 3, 1, 0, false, "auto", 10, 52428800, false, 0, false, "auto", 10, 52428800, false,
                15, 10, null);
    }

    @Test
    void availListsConfiguredProcesses() {
        manager.configInfos.add(config("foo", "foo", true, true, 999));
        manager.configInfos.add(config("grp", "a", false, false, 5));
        assertResult(ctl.execute("avail"), 0,
                "foo" + " ".repeat(29) + " in use    auto      999:999",
                "grp:a" + " ".repeat(27) + " avail     manual    999:5");
    }

    @Test
    void commandsWithoutArgumentsRejectThem() {
        for (String command : List.of("avail", "reread", "version", "reload", "shutdown")) {
            CtlResult result = ctl.execute(command + " x");
            assertEquals("Error: " + command + " accepts no arguments", result.lines().get(0), command);
            assertEquals(2, result.lines().size(), command);
            assertEquals(1, result.exitStatus(), command);
        }
        assertEquals(List.of(), manager.calls);
    }

    @Test
    void rereadListsChangesSortedByName() {
        manager.reload = new ReloadResult(List.of("new"), List.of("changed"), List.of("gone", "a"));
        assertResult(ctl.execute("reread"), 0, "a: disappeared", "changed: changed", "gone: disappeared",
                "new: available");
    }

    @Test
    void rereadWithoutChangesAndWithABadFile() {
        assertResult(ctl.execute("reread"), 0, "No config updates to processes");
        manager.fault("reloadConfig()", Fault.CANT_REREAD, "File contains no section headers.");
        assertResult(ctl.execute("reread"), 1, "ERROR: CANT_REREAD: File contains no section headers.");
    }

    @Test
    void updateStopsRemovesAndAddsGroups() {
        manager.reload = new ReloadResult(List.of("added"), List.of("changed"), List.of("removed"));
        assertResult(ctl.execute("update"), 0, "removed: stopped", "removed: removed process group",
                "changed: stopped", "changed: updated process group", "added: added process group");
        assertEquals(List.of("reloadConfig()", "stopProcessGroup(removed)", "removeProcessGroup(removed)",
                "stopProcessGroup(changed)", "removeProcessGroup(changed)", "addProcessGroup(changed)",
                "addProcessGroup(added)"), manager.calls);
    }

    @Test
    void updateOfNamedGroupsOnlyTouchesThoseAndReportsUnknownOnes() {
        manager.process("changed", "changed", ProcessState.RUNNING, "pid 1", 1);
        manager.reload = new ReloadResult(List.of("added"), List.of("changed"), List.of());
        assertResult(ctl.execute("update added nosuch"), 1, "ERROR: no such group: nosuch",
                "added: added process group");
        assertEquals(List.of("reloadConfig()", "allProcessInfo()", "addProcessGroup(added)"), manager.calls);
    }

    @Test
    void updateDoesNotRemoveAGroupThatFailedToStop() {
        manager.reload = new ReloadResult(List.of(), List.of(), List.of("removed"));
        manager.results("stopProcessGroup(removed)", result("removed", "removed", Fault.FAILED, "FAILED: x"));
        assertResult(ctl.execute("update all"), 1, "removed: stopped", "removed: has problems; not removing");
    }

    @Test
    void updateWithoutChangesPrintsNothing() {
        assertResult(ctl.execute("update"), 0);
    }

    @Test
    void updateChangedOnlyIsOneCallReportedInUpdatesStyle() {
        manager.update = new io.jsupervisor.api.UpdateReport(List.of("added", "listener"), List.of("gone", "listener"),
                List.of("grp:web"), List.of("grp:new"), List.of("grp:old"));
        assertResult(ctl.execute("update --changed-only"), 0, "gone: stopped", "gone: removed process group",
                "listener: stopped", "listener: updated process group", "grp:old: removed process",
                "grp:web: restarted", "grp:new: added process", "added: added process group");
        assertEquals(List.of("updateChangedOnly()"), manager.calls);
    }

    @Test
    void updateChangedOnlyFaultsAndGroupNames() {
        assertResult(ctl.execute("update --changed-only grp"), 1,
                "ERROR: update --changed-only applies to all groups; no group names");
        manager.fault("updateChangedOnly()", Fault.CANT_REREAD, "[program:x] startsecs: not an integer: 'y'");
        assertResult(ctl.execute("update all --changed-only"), 1,
                "ERROR: CANT_REREAD: [program:x] startsecs: not an integer: 'y'");
        manager.fault("updateChangedOnly()", Fault.UNKNOWN_METHOD, "jsupervisor.updateChangedOnly");
        assertResult(ctl.execute("update --changed-only"), 1,
                "ERROR: this supervisord has no jsupervisor.updateChangedOnly; use update");
        manager.fault("updateChangedOnly()", Fault.SHUTDOWN_STATE);
        assertResult(ctl.execute("update --changed-only"), 1, "ERROR: already shutting down");
    }

    @Test
    void theSessionSettingMakesPlainUpdateTheFinerOneButNotUpdateOfNamedGroups() {
        io.jsupervisor.ctl.shell.Session changedOnly = new io.jsupervisor.ctl.shell.Session() {
            @Override
            public boolean updateChangedOnly() {
                return true;
            }
        };
        Supervisorctl withSetting = new Supervisorctl(manager, io.jsupervisor.ctl.shell.Upcheck.ALWAYS_UP, changedOnly);
        manager.update = new io.jsupervisor.api.UpdateReport(List.of(), List.of(), List.of("grp:web"), List.of(),
                List.of());
        assertResult(withSetting.execute("update"), 0, "grp:web: restarted");
        assertResult(withSetting.execute("update all"), 0, "grp:web: restarted");
        manager.reload = new ReloadResult(List.of("added"), List.of(), List.of());
        assertResult(withSetting.execute("update added"), 0, "added: added process group");
        assertEquals(List.of("updateChangedOnly()", "updateChangedOnly()", "reloadConfig()", "allProcessInfo()",
                "addProcessGroup(added)"), manager.calls);
        // a reference supervisord has no such method: the setting falls back to the reference's update
        manager.calls.clear();
        manager.fault("updateChangedOnly()", Fault.UNKNOWN_METHOD, "jsupervisor.updateChangedOnly");
        assertResult(withSetting.execute("update"), 0, "added: added process group");
        assertEquals(List.of("updateChangedOnly()", "reloadConfig()", "addProcessGroup(added)"), manager.calls);
    }

    @Test
    void addReportsEachGroup() {
        manager.fault("addProcessGroup(active)", Fault.ALREADY_ADDED, "active");
        assertResult(ctl.execute("add new active"), 0, "new: added process group",
                "ERROR: process group already active");
        manager.fault("addProcessGroup(nosuch)", Fault.BAD_NAME, "nosuch");
        assertResult(ctl.execute("add nosuch"), 1, "ERROR: no such process/group: nosuch");
    }

    @Test
    void removeReportsEachGroup() {
        manager.fault("removeProcessGroup(busy)", Fault.STILL_RUNNING, "busy");
        manager.fault("removeProcessGroup(nosuch)", Fault.BAD_NAME, "nosuch");
        assertResult(ctl.execute("remove old busy nosuch"), 1, "old: removed process group",
                "ERROR: process/group still running: busy", "ERROR: no such process/group: nosuch");
    }
}
