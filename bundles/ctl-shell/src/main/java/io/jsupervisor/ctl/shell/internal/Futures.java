package io.jsupervisor.ctl.shell.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waits for a ProcessManager reply the way supervisorctl waits for its RPC answer. */
final class Futures {
    private Futures() {
    }

    /** The value, or the fault (a SupervisorException) rethrown as it is. */
    static <T> T await(CompletableFuture<T> reply) {
        try {
            return reply.get();
        } catch (InterruptedException e) {
            // Ctrl-C in the shell: give up waiting; the operation itself goes on in the daemon
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
