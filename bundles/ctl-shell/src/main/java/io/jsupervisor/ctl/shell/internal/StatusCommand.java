package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.HealthInfo;
import io.jsupervisor.api.HealthState;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code status [--health] [name… | g:* | all]}: filters getAllProcessInfo client-side, as the reference does.
 * {@code --health} (ours, anywhere among the names) adds a health column from {@code allHealth()}.
 */
final class StatusCommand implements Command {
    static final String HEALTH_FLAG = "--health";
    private final ProcessManager manager;
    private final Upcheck upcheck;

    StatusCommand(ProcessManager manager, Upcheck upcheck) {
        this.manager = manager;
        this.upcheck = upcheck;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public void run(String arg, Output out) {
        if (!out.upcheck(upcheck)) {
            out.status(ExitStatus.STATUS_UNKNOWN);
            return;
        }
        List<ProcessInfo> all = manager.allProcessInfo();
        List<String> names = new ArrayList<>(PyText.split(arg));
        boolean health = names.removeIf(HEALTH_FLAG::equals);
        List<ProcessInfo> matching = names.isEmpty() || names.contains("all") ? all : select(all, names, out);
        out.println(health ? StatusTable.lines(matching, health()) : StatusTable.lines(matching));
        for (ProcessInfo info : matching) {
            if (info.state().isStopped()) {
                out.status(ExitStatus.STATUS_NOT_RUNNING);
            }
        }
    }

    private Map<String, HealthState> health() {
        Map<String, HealthState> m = new HashMap<>();
        for (HealthInfo h : manager.allHealth()) {
            m.put(h.name(), h.state());
        }
        return m;
    }

    /** The processes each name matches, in the order named; unknown names are reported as they come. */
    private static List<ProcessInfo> select(List<ProcessInfo> all, List<String> names, Output out) {
        List<ProcessInfo> matching = new ArrayList<>();
        for (String name : names) {
            Namespec spec = Namespec.split(name);
            boolean found = false;
            for (ProcessInfo info : all) {
                if (info.group().equals(spec.group()) && (spec.wholeGroup() || info.name().equals(spec.process()))) {
                    found = true;
                    matching.add(info);
                }
            }
            if (!found) {
                out.println(spec.wholeGroup() ? spec.group() + ": ERROR (no such group)"
                        : name + ": ERROR (no such process)");
                out.status(ExitStatus.STATUS_UNKNOWN);
            }
        }
        return matching;
    }
}
