package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.api.UpdateReport;
import io.jsupervisor.ctl.shell.ExitStatus;
import java.util.List;

/**
 * {@code update --changed-only}: one {@link ProcessManager#updateChangedOnly} call (the daemon does the work, not
 * the client as the reference's update does), reported in update's style: whole groups as update prints them,
 * then one line per process of a changed group ({@code grp:web: restarted}).
 */
final class ChangedOnlyUpdate {
    private final ProcessManager manager;

    ChangedOnlyUpdate(ProcessManager manager) {
        this.manager = manager;
    }

    /**
     * @param groups         what followed the flag: nothing or {@code all} (the finer update takes no group names)
     * @param fallbackToPlain chosen by the {@code [supervisorctl]} setting, not the flag: a server without the method
     *                        (the reference's supervisord) gets the reference's update instead
     * @return false when nothing was done and the reference's update should run
     */
    boolean run(List<String> groups, Output out, boolean fallbackToPlain) {
        if (!groups.stream().allMatch("all"::equals)) {
            out.println("ERROR: update " + UpdateCommand.CHANGED_ONLY + " applies to all groups; no group names");
            out.status(ExitStatus.GENERIC);
            return true;
        }
        UpdateReport r;
        try {
            r = Futures.await(manager.updateChangedOnly());
        } catch (SupervisorException e) {
            if (e.fault() == Fault.UNKNOWN_METHOD && fallbackToPlain) {
                return false;
            }
            out.status(ExitStatus.GENERIC);
            if (e.fault() == Fault.SHUTDOWN_STATE) {
                out.println("ERROR: already shutting down");
                return true;
            }
            if (e.fault() == Fault.UNKNOWN_METHOD) {
                out.println("ERROR: this supervisord has no jsupervisor.updateChangedOnly; use update");
                return true;
            }
            if (e.fault() == Fault.CANT_REREAD) {
                out.println("ERROR: " + e.getMessage()); // nothing was changed
                return true;
            }
            throw e;
        }
        for (String g : r.removedGroups()) {
            out.println(g + ": stopped");
            out.println(g + (r.addedGroups().contains(g) ? ": updated process group" : ": removed process group"));
        }
        for (String p : r.removedProcesses()) {
            out.println(p + ": removed process");
        }
        for (String p : r.restarted()) {
            out.println(p + ": restarted");
        }
        for (String p : r.addedProcesses()) {
            out.println(p + ": added process");
        }
        for (String g : r.addedGroups()) {
            if (!r.removedGroups().contains(g)) {
                out.println(g + ": added process group");
            }
        }
        return true;
    }
}
