package io.jsupervisor.config.internal;

import io.jsupervisor.config.InetHttpServerSpec;
import io.jsupervisor.config.UnixHttpServerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every {@code [inet_http_server*]} and {@code [unix_http_server*]} section (any suffix adds a server). */
final class HttpServersReader {
    private HttpServersReader() {
    }

    static List<InetHttpServerSpec> inet(ReadState state) {
        List<InetHttpServerSpec> out = new ArrayList<>();
        for (String section : state.ini.sections()) {
            if (!section.startsWith("inet_http_server")) {
                continue;
            }
            SectionOptions opts = state.options(section);
            String[] auth = auth(opts);
            String port = opts.get("port", null, Map.of());
            if (port == null) {
                throw opts.refuse("port", "section [" + section + "] has no port value");
            }
            Object[] address = opts.typed("port", port, HttpServersReader::inetAddress);
            out.add(new InetHttpServerSpec(section, (String) address[0], (Integer) address[1], auth[0], auth[1]));
        }
        return out;
    }

    static List<UnixHttpServerSpec> unix(ReadState state) {
        List<UnixHttpServerSpec> out = new ArrayList<>();
        for (String section : state.ini.sections()) {
            if (!section.startsWith("unix_http_server")) {
                continue;
            }
            SectionOptions opts = state.options(section);
            String file = opts.get("file", null, state.hereNames());
            if (file == null) {
                throw opts.refuse("file", "section [" + section + "] has no file value");
            }
            file = state.paths.normalize(PyText.strip(file));
            String[] auth = auth(opts);
            String chown = opts.get("chown", null, Map.of());
            int[] owner = {-1, -1};
            if (chown != null) {
                try {
                    owner = state.accounts.userAndGroup(chown);
                } catch (Refusal r) {
                    throw opts.refuse("chown", "Invalid sockchown value " + chown);
                }
            }
            String chmodText = opts.get("chmod", null, Map.of());
            int chmod = 0700;
            if (chmodText != null) {
                try {
                    chmod = PyValues.octal(chmodText);
                } catch (Refusal r) {
                    throw opts.refuse("chmod", "Invalid chmod value " + chmodText);
                }
            }
            out.add(new UnixHttpServerSpec(section, file, chmod, owner[0], owner[1], auth[0], auth[1]));
        }
        return out;
    }

    private static String[] auth(SectionOptions opts) {
        String username = opts.get("username", null, Map.of());
        String password = opts.get("password", null, Map.of());
        if ((username == null) != (password == null)) {
            throw opts.refuse(username == null ? "username" : "password", "Section [" + opts.section()
                    + "] contains incomplete authentication: If a username or a password is specified, both the "
                    + "username and password must be specified");
        }
        return new String[] {username, password};
    }

    /** {@code inet_address}: {@code host:port}, {@code :port}, {@code *:port} or {@code port}. */
    static Object[] inetAddress(String s) {
        String host = "";
        int port;
        int colon = s.lastIndexOf(':');
        if (colon >= 0) {
            host = PyText.lower(s.substring(0, colon));
            String p = s.substring(colon + 1);
            if (p.isEmpty()) {
                throw new Refusal("no port number specified in " + PyText.repr(p));
            }
            port = portNumber(p);
        } else {
            try {
                port = portNumber(s);
            } catch (Refusal r) {
                throw new Refusal("not a valid port number: " + PyText.repr(s) + " ");
            }
        }
        if (host.equals("*")) {
            host = "";
        }
        return new Object[] {host, port};
    }

    private static int portNumber(String s) {
        long v = PyValues.pyInt(s, 10);
        if (v < 1) {
            throw new Refusal(v + " is below lower bound (1)");
        }
        if (v > 65535) {
            throw new Refusal(v + " is above upper bound (65535)");
        }
        return (int) v;
    }
}
