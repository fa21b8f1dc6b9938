package io.jsupervisor.ctl.client.internal;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessManager;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.ctl.shell.ConnectionFailure;
import io.jsupervisor.ctl.shell.CtlResult;
import io.jsupervisor.ctl.shell.ExitStatus;
import io.jsupervisor.ctl.shell.Upcheck;
import java.util.List;
import java.util.Optional;

/** supervisorctl's upcheck: {@code getVersion} must answer {@code 3.0}; the server must be reachable. */
public final class RemoteUpcheck implements Upcheck {
    private final RemoteProcessManager manager;
    private final ServerSettings settings;

    public RemoteUpcheck(RemoteProcessManager manager, ServerSettings settings) {
        this.manager = manager;
        this.settings = settings;
    }

    @Override
    public Optional<CtlResult> failure() {
        String api;
        try {
            api = manager.apiVersion();
        } catch (SupervisorException e) {
            if (e.fault() != Fault.UNKNOWN_METHOD) {
                throw e;
            }
            return fail(ExitStatus.UNIMPLEMENTED_FEATURE, "Sorry, supervisord responded but did not recognize "
                    + "the supervisor namespace commands that supervisorctl uses to control it.  Please check that "
                    + "the [rpcinterface:supervisor] section is enabled in the configuration file "
                    + "(see sample.conf).");
        } catch (ConnectionFailure e) {
            String url = settings.address().url();
            return switch (e.kind()) {
                case REFUSED -> fail(ExitStatus.INSUFFICIENT_PRIVILEGES, url + " refused connection");
                case NO_SUCH_FILE -> fail(ExitStatus.NOT_RUNNING, url + " no such file");
                default -> throw e;
            };
        }
        if (!ProcessManager.API_VERSION.equals(api)) {
            return fail(ExitStatus.NOT_INSTALLED, "Sorry, this version of supervisorctl expects to talk to a server "
                    + "with API version " + ProcessManager.API_VERSION + ", but the remote version is " + api + ".");
        }
        return Optional.empty();
    }

    private static Optional<CtlResult> fail(int status, String line) {
        return Optional.of(new CtlResult(List.of(line), status));
    }
}
