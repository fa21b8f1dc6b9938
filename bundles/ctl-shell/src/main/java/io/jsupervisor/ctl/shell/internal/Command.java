package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.ctl.shell.ExitStatus;

/** One supervisorctl command. */
interface Command {
    /** The command word, e.g. {@code status}. */
    String name();

    /**
     * Runs it with the text after the command word, already stripped (the reference splits it itself).
     * An exception escaping here is what the reference would raise: the caller prints its error line.
     */
    void run(String arg, Output out);

    /** The reference's {@code Error: <cmd> accepts no arguments} check; true when it rejected the call. */
    static boolean rejectsArguments(String command, String arg, Output out) {
        if (arg.isEmpty()) {
            return false;
        }
        out.println("Error: " + command + " accepts no arguments");
        out.status(ExitStatus.GENERIC);
        out.println(HelpText.of(command));
        return true;
    }
}
