package io.jsupervisor.rpc.xml.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs Python's own xmlrpc.client against the server: the client supervisorctl uses. */
final class Python {
    private Python() {
    }

    /**
     * Runs {@code code} with {@code s} bound to {@code ServerProxy(url)} and returns its stdout;
     * fails on a non-zero exit.
     */
    static String run(String url, String code) throws IOException, InterruptedException {
        String script = "import xmlrpc.client, sys\n"
                + "s = xmlrpc.client.ServerProxy('" + url + "')\n" + code + "\n";
        Process p = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python timed out");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new AssertionError("python failed:\n" + out);
        }
        return out.strip();
    }
}
