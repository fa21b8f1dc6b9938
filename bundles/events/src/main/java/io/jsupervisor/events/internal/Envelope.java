package io.jsupervisor.events.internal;

import java.nio.charset.StandardCharsets;

/**
 * Writes the bytes an event listener reads for one event: the reference's token line then the payload,
 * {@code ver:3.0 server:<id> serial:<N> pool:<pool> poolserial:<M> eventname:<TYPE> len:<L>\n<payload>}.
 *
 * <p>{@code len} counts the payload's UTF-8 <em>bytes</em>, which is what a listener must read. The
 * reference counts Python characters (issue #1243): the same for ASCII payloads, smaller for others,
 * which makes listeners that read {@code len} bytes lose sync. We chose the correct count.
 */
final class Envelope {
    private Envelope() {
    }

    static byte[] encode(String server, long serial, String pool, long poolSerial, String eventName,
                         String payload) {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        String tokens = "ver:3.0 server:" + server + " serial:" + serial + " pool:" + pool
                + " poolserial:" + poolSerial + " eventname:" + eventName + " len:" + body.length + "\n";
        byte[] head = tokens.getBytes(StandardCharsets.UTF_8);
        byte[] envelope = new byte[head.length + body.length];
        System.arraycopy(head, 0, envelope, 0, head.length);
        System.arraycopy(body, 0, envelope, head.length, body.length);
        return envelope;
    }
}
