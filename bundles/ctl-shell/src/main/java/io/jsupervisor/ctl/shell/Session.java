package io.jsupervisor.ctl.shell;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What the command layer needs from its front end beyond the {@link io.jsupervisor.api.ProcessManager}: whether
 * a user sits at an interactive shell (confirmations, login on 401), how to ask them, and, for a remote
 * client, the server connection ({@code open}, credentials). The defaults describe a non-interactive front end
 * bound to the in-process daemon.
 */
@ConsumerType
public interface Session {
    /** A non-interactive session on the in-process daemon. */
    Session IN_PROCESS = new Session() {
    };

    /** The reference's {@code options.interactive}: asks before reload and shutdown, logs in again on 401. */
    default boolean interactive() {
        return false;
    }

    /** Prints the prompt and reads one line without its newline; {@code null} at end of input. */
    default String readLine(String prompt) {
        return null;
    }

    /** Like {@link #readLine} but without echo. */
    default String readPassword(String prompt) {
        return readLine(prompt);
    }

    /** New credentials for the following calls (after a 401 in the interactive shell). */
    default void login(String username, String password) {
    }

    /** The server URL as the user gave it, shown in connection errors; {@code null} in-process. */
    default String serverUrl() {
        return null;
    }

    /**
     * What {@code version} prints: the server's {@code getSupervisorVersion}. In-process it is the release this
     * daemon reproduces.
     */
    default String supervisorVersion() {
        return io.jsupervisor.api.ProcessManager.SUPERVISOR_VERSION;
    }

    /**
     * {@code open URL}: talk to another server from now on. Answers false when this front end cannot switch
     * (the in-process Gogo commands).
     */
    default boolean open(String url) {
        return false;
    }

    /**
     * Ours: {@code [supervisorctl] update_changed_only}: plain {@code update} (no group names) then restarts only the
     * processes whose own settings changed, as {@code update --changed-only}. False: the reference's update.
     *
     * @since 1.2
     */
    default boolean updateChangedOnly() {
        return false;
    }
}
