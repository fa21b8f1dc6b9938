package io.jsupervisor.ctl.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A one-thread server on 127.0.0.1 that answers every request with the same raw bytes, and keeps requests. */
final class CannedHttpServer implements AutoCloseable {
    private final ServerSocket server;
    private final byte[] answer;
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());

    CannedHttpServer(byte[] answer) throws IOException {
        this.server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        this.answer = answer;
        Thread thread = new Thread(this::serve, "canned-http");
        thread.setDaemon(true);
        thread.start();
    }

    static CannedHttpServer answering(String head, byte[] body) throws IOException {
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        return new CannedHttpServer(all);
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                requests.add(readRequest(socket.getInputStream()));
                try {
                    socket.getOutputStream().write(answer);
                    socket.getOutputStream().flush();
                } catch (IOException clientGaveUp) {
                    // a refused huge body: the client closes early
                }
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

    @Override
    public void close() throws IOException {
        server.close();
    }
}
