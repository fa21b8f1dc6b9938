package io.jsupervisor.ctl.shell.internal;

/** {@code quit}, {@code exit} and {@code EOF}: an empty line; the interactive shell then ends. */
final class QuitCommand implements Command {
    private final String name;

    QuitCommand(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void run(String arg, Output out) {
        out.println("");
    }
}
