package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.ReloadResult;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ExitStatus;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code update [all | g…]}: the reference's client-side algorithm. reloadConfig, then for each removed
 * group stop and remove it, for each changed group stop, remove and add it, for each added group add it.
 * {@code update --changed-only} (or plain {@code update} with {@code [supervisorctl] update_changed_only}) is ours:
 * {@link ChangedOnlyUpdate}.
 */
final class UpdateCommand implements Command {
    static final String CHANGED_ONLY = "--changed-only";

    private final ProcessManager manager;
    private final io.jsupervisor.ctl.shell.Session session;

    UpdateCommand(ProcessManager manager, io.jsupervisor.ctl.shell.Session session) {
        this.manager = manager;
        this.session = session;
    }

    @Override
    public String name() {
        return "update";
    }

    @Override
    public void run(String arg, Output out) {
        List<String> words = PyText.split(arg);
        boolean flag = words.contains(CHANGED_ONLY);
        if (flag || (session.updateChangedOnly() && words.stream().allMatch("all"::equals))) {
            if (new ChangedOnlyUpdate(manager).run(words.stream().filter(w -> !w.equals(CHANGED_ONLY)).toList(), out,
                    !flag)) {
                return;
            }
        }
        ReloadResult changes;
        try {
            changes = manager.reloadConfig();
        } catch (SupervisorException e) {
            out.status(ExitStatus.GENERIC);
            if (e.fault() != Fault.SHUTDOWN_STATE) {
                throw e;
            }
            out.println("ERROR: already shutting down");
            return;
        }
        // argument order where the reference iterates a set (arbitrary order)
        Set<String> wanted = new LinkedHashSet<>(PyText.split(arg));
        if (wanted.contains("all")) {
            wanted.clear();
        }
        if (!wanted.isEmpty()) {
            reportUnknownGroups(wanted, changes, out);
        }
        for (String group : selected(changes.removed(), wanted)) {
            removeGroup(group, out);
        }
        for (String group : selected(changes.changed(), wanted)) {
            Futures.await(manager.stopProcessGroup(group, true));
            out.println(group + ": stopped");
            manager.removeProcessGroup(group);
            manager.addProcessGroup(group);
            out.println(group + ": updated process group");
        }
        for (String group : selected(changes.added(), wanted)) {
            manager.addProcessGroup(group);
            out.println(group + ": added process group");
        }
    }

    private void reportUnknownGroups(Set<String> wanted, ReloadResult changes, Output out) {
        Set<String> known = new HashSet<>(changes.added());
        for (ProcessInfo info : manager.allProcessInfo()) {
            known.add(info.group());
        }
        for (String group : wanted) {
            if (!known.contains(group)) {
                out.println("ERROR: no such group: " + group);
                out.status(ExitStatus.GENERIC);
            }
        }
    }

    private void removeGroup(String group, Output out) {
        List<ProcessResult> results = Futures.await(manager.stopProcessGroup(group, true));
        out.println(group + ": stopped");
        if (results.stream().anyMatch(r -> r.status() == Fault.FAILED.code())) {
            out.println(group + ": has problems; not removing");
            out.status(ExitStatus.GENERIC);
            return;
        }
        manager.removeProcessGroup(group);
        out.println(group + ": removed process group");
    }

    private static List<String> selected(List<String> groups, Set<String> wanted) {
        return wanted.isEmpty() ? groups : groups.stream().filter(wanted::contains).toList();
    }
}
