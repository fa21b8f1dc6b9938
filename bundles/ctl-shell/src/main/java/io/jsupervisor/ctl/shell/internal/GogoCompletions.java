package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessManager;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.apache.felix.service.command.Function;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Tab completion of process and group names for the {@code supervisor:*} commands in Gogo's JLine shell.
 * Gogo keeps completion specs per session (its {@code complete} builtin), so the first command a session runs
 * (its profile) installs ours: a session function {@code __supervisor_names} answering the namespecs,
 * {@code group:*} and {@code all} of the running daemon, named as the {@code -a} of each command. Sessions
 * without the {@code complete} builtin (no gogo.jline) are left alone.
 */
@Component(service = CommandSessionListener.class)
public final class GogoCompletions implements CommandSessionListener {
    static final String MARK = "supervisor.completions.installed";
    static final String NAMES_FUNCTION = "__supervisor_names";
    static final List<String> NAMED_COMMANDS = List.of("status", "start", "stop", "restart", "pid", "clear", "tail",
            "fg", "signal");
    static final List<String> GROUP_COMMANDS = List.of("update", "add", "remove");

    private final ProcessManager manager;

    @Activate
    public GogoCompletions(@Reference ProcessManager manager) {
        this.manager = manager;
    }

    @Override
    public void beforeExecute(CommandSession session, CharSequence command) {
        if (session.get(MARK) != null) {
            return;
        }
        // set first: the complete calls below are executions too
        session.put(MARK, Boolean.TRUE);
        session.put(NAMES_FUNCTION, (Function) (s, arguments) -> names());
        session.put("__supervisor_groups", (Function) (s, arguments) -> groups());
        try {
            for (String name : NAMED_COMMANDS) {
                session.execute("complete -c supervisor:" + name + " -a '" + NAMES_FUNCTION + "'");
            }
            for (String name : GROUP_COMMANDS) {
                session.execute("complete -c supervisor:" + name + " -a '__supervisor_groups'");
            }
        } catch (Exception noCompleteBuiltin) {
            // a Gogo front end without JLine: names are typed in full
        }
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Exception exception) {
    }

    @Override
    public void afterExecute(CommandSession session, CharSequence command, Object result) {
    }

    /** Namespecs, then {@code group:} for each group (Gogo globs a typed {@code *}), then {@code all}. */
    List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        List<ProcessInfo> infos = manager.allProcessInfo();
        infos.forEach(info -> names.add(info.namespec()));
        infos.forEach(info -> names.add(info.group() + ":"));
        names.add("all");
        return new ArrayList<>(names);
    }

    List<String> groups() {
        Set<String> groups = new LinkedHashSet<>();
        manager.allProcessInfo().forEach(info -> groups.add(info.group()));
        return new ArrayList<>(groups);
    }
}
