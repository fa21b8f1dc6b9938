package io.jsupervisor.ctl.client.internal;

/**
 * The server and credentials the next call uses; {@code open} and a login after a 401 change them, so the
 * client reads them anew for every call (the reference builds a new proxy for every call too).
 */
public final class ServerSettings {
    private volatile ServerAddress address;
    private volatile String username;
    private volatile String password;

    public ServerSettings(ServerAddress address, String username, String password) {
        this.address = address;
        this.username = username;
        this.password = password;
    }

    public ServerAddress address() {
        return address;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public void address(ServerAddress newAddress) {
        address = newAddress;
    }

    public void credentials(String newUsername, String newPassword) {
        username = newUsername;
        password = newPassword;
    }
}
