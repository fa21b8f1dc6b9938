package io.jsupervisor.ctl.shell.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.Session;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/** {@code fg}'s input side: each typed line goes to the process's stdin until EOF or the process stops. */
public final class ForegroundLoop {
    private final ProcessManager manager;

    public ForegroundLoop(ProcessManager manager) {
        this.manager = manager;
    }

    public void run(String name, Session session, Consumer<String> out) {
        while (true) {
            String line = session.readLine("");
            if (line == null) {
                // Ctrl-C or Ctrl-D; the process keeps running
                out.accept("Exiting foreground");
                return;
            }
            try {
                manager.sendProcessStdin(name, (line + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (SupervisorException e) {
                out.accept(e.fault() == Fault.NOT_RUNNING ? "Process got killed" : "ERROR: " + Raised.faultText(e));
                out.accept("Exiting foreground");
                return;
            }
            if (manager.processInfo(name).state() != ProcessState.RUNNING) {
                out.accept("Process got killed");
                out.accept("Exiting foreground");
                return;
            }
        }
    }
}
