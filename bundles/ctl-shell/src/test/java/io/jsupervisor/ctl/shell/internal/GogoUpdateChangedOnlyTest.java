package io.jsupervisor.ctl.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.UpdateReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.Test;

/** {@code supervisor:update --changed-only} in a real Gogo runtime: the flag reaches the command as a word. */
class GogoUpdateChangedOnlyTest {
    @Test
    void theFlagRunsTheFinerUpdateAndPrintsItsLines() throws Exception {
        FakeProcessManager manager = new FakeProcessManager();
        manager.update = new UpdateReport(List.of(), List.of(), List.of("grp:web"), List.of(), List.of());
        ThreadIOImpl threadIO = new ThreadIOImpl();
        threadIO.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            CommandProcessorImpl processor = new CommandProcessorImpl(threadIO);
            processor.addCommand("supervisor", new GogoCommands(manager), "update");
            CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), out,
                    new ByteArrayOutputStream());
            session.execute("supervisor:update --changed-only");
            session.execute("supervisor:update");
        } finally {
            threadIO.stop();
        }
        assertEquals("grp:web: restarted\n", out.toString(StandardCharsets.UTF_8));
        assertEquals(List.of("updateChangedOnly()", "reloadConfig()"), manager.calls);
    }
}
