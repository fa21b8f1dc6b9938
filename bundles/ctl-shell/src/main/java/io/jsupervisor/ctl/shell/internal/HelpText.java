package io.jsupervisor.ctl.shell.internal;

import java.util.List;
import java.util.Map;

/** supervisorctl's {@code help <command>} texts, printed after argument errors too. */
final class HelpText {
    private static final Map<String, List<String>> TEXTS = Map.ofEntries(
            Map.entry("status", List.of(
                    "status <name>\t\tGet status for a single process",
                    "status <gname>:*\tGet status for all processes in a group",
                    "status <name> <name>\tGet status for multiple named processes",
                    "status\t\t\tGet all process status info")),
            Map.entry("start", List.of(
                    "start <name>\t\tStart a process",
                    "start <gname>:*\t\tStart all processes in a group",
                    "start <name> <name>\tStart multiple processes or groups",
                    "start all\t\tStart all processes")),
            Map.entry("stop", List.of(
                    "stop <name>\t\tStop a process",
                    "stop <gname>:*\t\tStop all processes in a group",
                    "stop <name> <name>\tStop multiple processes or groups",
                    "stop all\t\tStop all processes")),
            Map.entry("restart", List.of(
                    "restart <name>\t\tRestart a process",
                    "restart <gname>:*\tRestart all processes in a group",
                    "restart <name> <name>\tRestart multiple processes or groups",
                    "restart all\t\tRestart all processes",
                    "Note: restart does not reread config files. For that, see reread and update.")),
            Map.entry("signal", List.of(
                    "signal <signal name> <name>\t\tSignal a process",
                    "signal <signal name> <gname>:*\t\tSignal all processes in a group",
                    "signal <signal name> <name> <name>\tSignal multiple processes or groups",
                    "signal <signal name> all\t\tSignal all processes")),
            Map.entry("tail", List.of(
                    "tail [-f] <name> [stdout|stderr] (default stdout)\n"
                    + "Ex:\n"
                    + "tail -f <name>\t\tContinuous tail of named process stdout\n"
                    + "\t\t\tCtrl-C to exit.\n"
                    + "tail -100 <name>\tlast 100 *bytes* of process stdout\n"
                    + "tail <name> stderr\tlast 1600 *bytes* of process stderr")),
            Map.entry("maintail", List.of(
                    "maintail -f \tContinuous tail of supervisor main log file (Ctrl-C to exit)\n"
                    + "maintail -100\tlast 100 *bytes* of supervisord main log file\n"
                    + "maintail\tlast 1600 *bytes* of supervisor main log file\n")),
            Map.entry("pid", List.of(
                    "pid\t\t\tGet the PID of supervisord.",
                    "pid <name>\t\tGet the PID of a single child process by name.",
                    "pid all\t\t\tGet the PID of every child process, one per line.")),
            Map.entry("clear", List.of(
                    "clear <name>\t\tClear a process' log files.",
                    "clear <name> <name>\tClear multiple process' log files",
                    "clear all\t\tClear all process' log files")),
            Map.entry("avail", List.of("avail\t\t\tDisplay all configured processes")),
            Map.entry("reread", List.of("reread \t\t\tReload the daemon's configuration files without add/remove")),
            Map.entry("update", List.of(
                    "update\t\t\tReload config and add/remove as necessary, and will restart affected programs",
                    "update all\t\tReload config and add/remove as necessary, and will restart affected programs",
                    "update <gname> [...]\tUpdate specific groups")),
            Map.entry("add", List.of("add <name> [...]\tActivates any updates in config for process/group")),
            Map.entry("remove", List.of("remove <name> [...]\tRemoves process/group from active config")),
            Map.entry("version", List.of("version\t\t\tShow the version of the remote supervisord process")),
            Map.entry("reload", List.of("reload \t\tRestart the remote supervisord.")),
            Map.entry("shutdown", List.of("shutdown \tShut the remote supervisord down.")),
            Map.entry("fg", List.of(
                    "fg <process>\tConnect to a process in foreground mode",
                    "\t\tCtrl-C to exit")),
            Map.entry("open", List.of(
                    "open <url>\tConnect to a remote supervisord process.",
                    "\t\t(for UNIX domain socket, use unix:///socket/path)")),
            Map.entry("quit", List.of("quit\tExit the supervisor shell.")),
            Map.entry("exit", List.of("exit\tExit the supervisor shell.")),
            Map.entry("help", List.of(
                    "help\t\tPrint a list of available actions",
                    "help <action>\tPrint help for <action>")));

    private HelpText() {
    }

    /** The help lines of a command; empty for one without help. */
    static List<String> of(String command) {
        return TEXTS.getOrDefault(command, List.of());
    }
}
