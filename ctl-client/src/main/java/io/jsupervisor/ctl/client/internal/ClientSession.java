package io.jsupervisor.ctl.client.internal;

import io.jsupervisor.ctl.shell.Session;

/** The command layer's view of bin/supervisorctl: interactive or not, its input, and the server settings. */
public final class ClientSession implements Session {
    private final ServerSettings settings;
    private final boolean interactive;
    private volatile LineInput input;
    private volatile RemoteProcessManager manager;
    private volatile boolean updateChangedOnly;

    public ClientSession(ServerSettings settings, boolean interactive, LineInput input) {
        this.settings = settings;
        this.interactive = interactive;
        this.input = input;
    }

    public void input(LineInput newInput) {
        input = newInput;
    }

    /** {@code [supervisorctl] update_changed_only} (ours). */
    public void updateChangedOnly(boolean on) {
        updateChangedOnly = on;
    }

    @Override
    public boolean updateChangedOnly() {
        return updateChangedOnly;
    }

    /** The server {@code version} asks. */
    public void manager(RemoteProcessManager remote) {
        manager = remote;
    }

    @Override
    public String supervisorVersion() {
        return manager.supervisorVersion();
    }

    @Override
    public boolean interactive() {
        return interactive;
    }

    @Override
    public String readLine(String prompt) {
        return input.readLine(prompt);
    }

    @Override
    public String readPassword(String prompt) {
        return input.readPassword(prompt);
    }

    @Override
    public void login(String username, String password) {
        settings.credentials(username, password);
    }

    @Override
    public String serverUrl() {
        return settings.address().url();
    }

    @Override
    public boolean open(String url) {
        // the reference accepts any http:// or unix:// text here; a bad one fails at the next call
        settings.address(ServerAddress.parse(url));
        return true;
    }
}
