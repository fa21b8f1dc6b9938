package io.jsupervisor.events.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopeTest {
    @Test
    void envelopeMatchesTheReferenceByteForByte() {
        SupervisorEvent starting = Events.state("lst", "lst", ProcessState.STOPPED, ProcessState.STARTING);
        byte[] envelope = Envelope.encode("svxid", 5, "lst", 5, starting.type().name(), starting.payload());
        String observed = "ver:3.0 server:svxid serial:5 pool:lst poolserial:5 eventname:PROCESS_STATE_STARTING len:56\n"
                + "processname:lst groupname:lst from_state:STOPPED tries:0";
        assertArrayEquals(observed.getBytes(StandardCharsets.US_ASCII), envelope);
    }

    @Test
    void groupEventPayloadKeepsItsTrailingNewline() {
        SupervisorEvent added = Events.groupAdded("lst");
        String envelope = new String(Envelope.encode("s", 0, "lst", 0, added.type().name(), added.payload()),
                StandardCharsets.UTF_8);
        assertEquals("ver:3.0 server:s serial:0 pool:lst poolserial:0 eventname:PROCESS_GROUP_ADDED len:14\n"
                + "groupname:lst\n", envelope);
    }

    @Test
    void lenCountsUtf8BytesNotCharacters() {
        String payload = "type:t\nh\u00e9llo \u20ac";
        String envelope = new String(Envelope.encode("s", 1, "p", 2, "REMOTE_COMMUNICATION", payload),
                StandardCharsets.UTF_8);
        // 14 characters, 17 bytes: a listener reading len bytes must get the whole payload
        assertEquals("ver:3.0 server:s serial:1 pool:p poolserial:2 eventname:REMOTE_COMMUNICATION len:17\n"
                + payload, envelope);
    }
}
