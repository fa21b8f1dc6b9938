package io.jsupervisor.events.internal;

import static io.jsupervisor.events.internal.ListenerState.ACKNOWLEDGED;
import static io.jsupervisor.events.internal.ListenerState.BUSY;
import static io.jsupervisor.events.internal.ListenerState.READY;
import static io.jsupervisor.events.internal.ListenerState.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.events.internal.ProtocolOutcome.BadResultLine;
import io.jsupervisor.events.internal.ProtocolOutcome.Processed;
import io.jsupervisor.events.internal.ProtocolOutcome.Rejected;
import io.jsupervisor.events.internal.ProtocolOutcome.Transition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerProtocolTest {
    private final ListenerProtocol protocol = new ListenerProtocol();

    private List<ProtocolOutcome> feed(String text) {
        return protocol.feed(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void readyAndSent() {
        feed("READY\n");
        protocol.eventSent();
    }

    @Test
    void readyTokenMovesAcknowledgedToReady() {
        assertEquals(List.of(new Transition(ACKNOWLEDGED, READY)), feed("READY\n"));
        assertEquals(READY, protocol.state());
    }

    @Test
    void readyIsDecidedOnlyOnceSixBytesHaveArrived() {
        assertEquals(List.of(), feed("REA"));
        assertEquals(ACKNOWLEDGED, protocol.state());
        assertEquals(List.of(new Transition(ACKNOWLEDGED, READY)), feed("DY\n"));
    }

    @Test
    void anythingButReadyWhileAcknowledgedEntersUnknown() {
        assertEquals(List.of(new Transition(ACKNOWLEDGED, UNKNOWN)), feed("HELLO!\n"));
        assertEquals(UNKNOWN, protocol.state());
    }

    @Test
    void resultAndReadyInOneChunkAreBothParsed() {
        readyAndSent();
        assertEquals(List.of(new Processed(), new Transition(BUSY, ACKNOWLEDGED), new Transition(ACKNOWLEDGED, READY)),
                feed("RESULT 2\nOKREADY\n"));
        assertEquals(READY, protocol.state());
    }

    @Test
    void resultSplitOverManyChunksIsReassembled() {
        readyAndSent();
        List<ProtocolOutcome> all = new ArrayList<>();
        for (String piece : List.of("RES", "ULT 2", "\nO", "K", "REA", "DY\n")) {
            all.addAll(feed(piece));
        }
        assertEquals(List.of(new Processed(), new Transition(BUSY, ACKNOWLEDGED), new Transition(ACKNOWLEDGED, READY)),
                all);
    }

    @Test
    void resultBodyIsExactlyTheAnnouncedLength() {
        readyAndSent();
        // "OKRE" would be a rejection if the parser read past the two announced bytes
        assertEquals(List.of(new Processed(), new Transition(BUSY, ACKNOWLEDGED)), feed("RESULT 2\nOKRE"));
        assertEquals(List.of(new Transition(ACKNOWLEDGED, READY)), feed("ADY\n"));
    }

    @Test
    void failResultIsRejected() {
        readyAndSent();
        assertEquals(List.of(new Rejected("FAIL"), new Transition(BUSY, ACKNOWLEDGED)), feed("RESULT 4\nFAIL"));
    }

    @Test
    void emptyResultIsRejected() {
        readyAndSent();
        assertEquals(List.of(new Rejected(""), new Transition(BUSY, ACKNOWLEDGED)), feed("RESULT 0\n"));
    }

    @Test
    void badResultLineEntersUnknown() {
        readyAndSent();
        assertEquals(List.of(new BadResultLine("RESULT two"), new Transition(BUSY, UNKNOWN)), feed("RESULT two\nOK"));
        assertEquals(UNKNOWN, protocol.state());
    }

    @Test
    void undecodableResultLineIsShownAsPythonBytes() {
        readyAndSent();
        assertEquals(new BadResultLine("Undecodable: b'RESULT \\xff'"), feed("RESULT \u00ff\n").get(0));
    }

    @Test
    void resultLineIsIncompleteUntilItsNewline() {
        readyAndSent();
        assertEquals(List.of(), feed("RESULT 2"));
        assertEquals(BUSY, protocol.state());
    }

    @Test
    void firstSevenBytesOfTheResultLineAreNotChecked() {
        readyAndSent();
        assertEquals(new Processed(), feed("XXXXXX 2\nOK").get(0));
    }

    @Test
    void resultLengthIsReadAsPythonIntReadsIt() {
        readyAndSent();
        assertEquals(new Processed(), feed("RESULT  0_2 \nOK").get(0));
    }

    @Test
    void outputWhileReadyEntersUnknown() {
        feed("READY\n");
        assertEquals(List.of(new Transition(READY, UNKNOWN)), feed("x"));
    }

    @Test
    void extraBytesAfterReadyEnterUnknown() {
        assertEquals(List.of(new Transition(ACKNOWLEDGED, READY), new Transition(READY, UNKNOWN)), feed("READY\nxyz"));
    }

    @Test
    void unknownIgnoresEverythingUntilTheProcessRestarts() {
        feed("nonsense");
        assertEquals(List.of(), feed("READY\n"));
        assertEquals(UNKNOWN, protocol.state());
        protocol.reset();
        assertEquals(ACKNOWLEDGED, protocol.state());
        assertEquals(List.of(new Transition(ACKNOWLEDGED, READY)), feed("READY\n"));
    }

    @Test
    void resetForgetsAHalfReadResult() {
        readyAndSent();
        feed("RESULT 5\nO");
        protocol.reset();
        assertEquals(List.of(new Transition(ACKNOWLEDGED, READY)), feed("READY\n"));
    }
}
