package io.jsupervisor.ctl.client;

import io.jsupervisor.ctl.client.internal.ClientOptions;
import io.jsupervisor.ctl.client.internal.ClientSession;
import io.jsupervisor.ctl.client.internal.CtlRunner;
import io.jsupervisor.ctl.client.internal.PlainLineInput;
import io.jsupervisor.ctl.client.internal.RemoteProcessManager;
import io.jsupervisor.ctl.client.internal.RemoteUpcheck;
import io.jsupervisor.ctl.client.internal.ServerSettings;
import io.jsupervisor.ctl.client.internal.UsageError;
import io.jsupervisor.ctl.client.internal.XmlRpcClient;
import io.jsupervisor.ctl.shell.Supervisorctl;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * {@code bin/supervisorctl}: the reference's supervisorctl 4.2.5 command line in Java. System properties set by
 * the launch script: {@code supervisorctl.progname} (its {@code $0}, shown in usage texts) and
 * {@code supervisorctl.home} (the distribution directory, the reference's {@code HERE} for the config search);
 * {@code supervisorctl.cds.training=true} runs the class-data-sharing training instead ({@code CdsTraining}).
 */
public final class SupervisorctlMain {
    private SupervisorctlMain() {
    }

    public static void main(String[] args) throws java.io.IOException {
        if (Boolean.getBoolean("supervisorctl.cds.training")) {
            PrintStream nowhere = io.jsupervisor.ctl.client.internal.CdsTraining.nowhere();
            io.jsupervisor.ctl.client.internal.CdsTraining.run(a -> run(a, nowhere, nowhere));
            return;
        }
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, out, err);
        out.flush();
        System.exit(status);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String progname = System.getProperty("supervisorctl.progname", "supervisorctl");
        ClientOptions options;
        try {
            options = ClientOptions.realize(args, Path.of(System.getProperty("supervisorctl.home", ".")),
                    Path.of("").toAbsolutePath());
        } catch (UsageError e) {
            err.println("Error: " + e.getMessage());
            err.println("For help, use " + progname + " -h");
            return 2;
        }
        if (options.help()) {
            out.print(ClientOptions.usage(progname));
            return 0;
        }
        ServerSettings settings = options.settings();
        RemoteProcessManager manager = new RemoteProcessManager(new XmlRpcClient(settings));
        ClientSession session = new ClientSession(settings, options.interactive(), new PlainLineInput(out));
        session.manager(manager);
        session.updateChangedOnly(options.updateChangedOnly());
        Supervisorctl ctl = new Supervisorctl(manager, new RemoteUpcheck(manager, settings), session);
        CtlRunner runner = new CtlRunner(ctl, settings, out, err, options.interactive());
        if (!options.interactive()) {
            return runner.run(String.join(" ", options.arguments()));
        }
        // loaded only here, so one command never pays for JLine
        io.jsupervisor.ctl.client.internal.InteractiveShell.run(runner, session, manager, options, out);
        // the reference's interactive session always exits 0
        return 0;
    }
}
