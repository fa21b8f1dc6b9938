package io.jsupervisor.ctl.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The run the launch script records its class-data-sharing archive from ({@code -XX:ArchiveClassesAtExit}):
 * a {@code status} through every layer a real one uses (options, config file, HTTP, XML parsing, command layer),
 * answered by a canned server on 127.0.0.1 inside this JVM.
 */
public final class CdsTraining {
    private static final String PROCESS = "<value><struct>"
            + member("name", "<string>p</string>") + member("group", "<string>p</string>")
            + member("start", "<int>1</int>") + member("stop", "<int>0</int>") + member("now", "<int>2</int>")
            + member("state", "<int>20</int>") + member("statename", "<string>RUNNING</string>")
            + member("spawnerr", "<string></string>") + member("exitstatus", "<int>0</int>")
            + member("logfile", "<string></string>") + member("stdout_logfile", "<string></string>")
            + member("stderr_logfile", "<string></string>") + member("pid", "<int>1</int>")
            + member("description", "<string>pid 1, uptime 0:00:01</string>") + "</struct></value>";

    private CdsTraining() {
    }

    private static String member(String name, String value) {
        return "<member><name>" + name + "</name><value>" + value + "</value></member>";
    }

    public static void run(Function<String[], Integer> main) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> answer(server), "cds-training");
            answering.setDaemon(true);
            answering.start();
            Path dir = Files.createTempDirectory("supervisorctl-cds");
            Path conf = dir.resolve("supervisord.conf");
            Files.writeString(conf, "[supervisorctl]\nserverurl = http://127.0.0.1:" + server.getLocalPort() + "\n");
            try {
                main.apply(new String[] {"-c", conf.toString(), "status"});
            } finally {
                Files.deleteIfExists(conf);
                Files.deleteIfExists(dir);
            }
        }
    }

    private static void answer(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                String request = readRequest(socket.getInputStream());
                String value = request.contains("getVersion") ? "<value><string>3.0</string></value>"
                        : "<value><array><data>" + PROCESS + "</data></array></value>";
                byte[] body = ("<?xml version='1.0'?>\n<methodResponse>\n<params>\n<param>\n" + value
                        + "</param>\n</params>\n</methodResponse>\n").getBytes(StandardCharsets.UTF_8);
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static String readRequest(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[4096];
        int read;
        while ((read = in.read(buffer)) > 0) {
            text.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
            if (text.indexOf("</methodCall>") >= 0) {
                break;
            }
        }
        return text.toString();
    }

    /** A stream that drops everything: the training's output is not for anyone. */
    public static PrintStream nowhere() {
        return new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
    }
}
