package io.jsupervisor.config.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks the socket options of an {@code [fcgi-program:x]} as the reference does before it reads the
 * processes. The expanded {@code socket} value reaches the engine through each process's options.
 */
final class FcgiSocketReader {
    private static final Pattern TCP = Pattern.compile("tcp://([^\\s:]+):(\\d+)");

    private FcgiSocketReader() {
    }

    static void check(ReadState state, SectionOptions opts, String programName) {
        Map<String, Object> here = state.hereNames();
        String user = opts.get("user", null, here);
        if (user != null) {
            opts.typed("user", user, state.accounts::uidOf);
        }
        String backlog = opts.get("socket_backlog", null, here);
        if (backlog != null) {
            int b = opts.typed("socket_backlog", backlog, PyValues::integer);
            if (b < 1 || b > 65535) {
                throw opts.refuse("socket_backlog", "Invalid socket_backlog value " + b);
            }
        }
        String owner = opts.get("socket_owner", null, here);
        if (owner != null) {
            opts.at("socket_owner", () -> ownerOf(state, owner));
        }
        String mode = opts.get("socket_mode", null, here);
        if (mode != null) {
            opts.at("socket_mode", () -> modeOf(mode));
        }
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("program_name", programName);
        names.put("here", state.here);
        String socket = opts.get("socket", null, names);
        if (socket == null || socket.isEmpty()) {
            throw opts.refuse("socket", "[" + opts.section() + "] section requires a \"socket\" line");
        }
        try {
            checkSocket(socket, owner != null || mode != null);
        } catch (Refusal r) {
            throw opts.refuse("socket", r.getMessage() + " in [" + opts.section() + "] socket");
        }
    }

    private static int[] ownerOf(ReadState state, String owner) {
        try {
            return state.accounts.userAndGroup(owner);
        } catch (Refusal r) {
            throw new Refusal("Invalid socket_owner value " + owner);
        }
    }

    private static Integer modeOf(String mode) {
        try {
            return PyValues.octal(mode);
        } catch (Refusal r) {
            throw new Refusal("Invalid socket_mode value " + mode);
        }
    }

    /** {@code parse_fcgi_socket}; two-argument ValueErrors show as Python prints their args tuple. */
    private static void checkSocket(String socket, boolean ownerOrMode) {
        if (socket.startsWith("unix://")) {
            String path = socket.substring(7);
            if (!path.startsWith("/")) {
                throw new Refusal("('Unix socket path %s is not an absolute path', " + PyText.repr(path) + ")");
            }
            return;
        }
        if (ownerOrMode) {
            throw new Refusal("socket_owner and socket_mode params should only be used with a Unix domain socket");
        }
        Matcher m = TCP.matcher(socket);
        if (m.matches()) {
            long port = PyValues.pyInt(m.group(2), 10);
            if (port < 1) {
                throw new Refusal(port + " is below lower bound (1)");
            }
            if (port > 65535) {
                throw new Refusal(port + " is above upper bound (65535)");
            }
            return;
        }
        throw new Refusal("('Bad socket format %s', " + PyText.repr(socket) + ")");
    }
}
