package io.jsupervisor.ctl.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.ProcessState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.gogo.jline.Builtin;
import org.apache.felix.gogo.jline.Shell;
import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.jline.builtins.Completers;
import org.junit.jupiter.api.Test;

/**
 * GogoCompletions in a real Gogo runtime with gogo.jline's {@code complete} builtin: the specs land in the session's
 * completion table, and the argument expression they name evaluates to the daemon's names, as the JLine shell
 * evaluates it when Tab is pressed.
 */
class GogoCompletionsInGogoTest {
    @Test
    void theCompleteBuiltinRecordsOurSpecsAndTheirArgumentsEvaluateToNames() throws Exception {
        FakeProcessManager manager = new FakeProcessManager();
        manager.process("grp", "a", ProcessState.RUNNING, "", 1).process("solo", "solo", ProcessState.STOPPED, "", 0);
        ThreadIOImpl threadIO = new ThreadIOImpl();
        threadIO.start();
        try {
            CommandProcessorImpl processor = new CommandProcessorImpl(threadIO);
            processor.addCommand("gogo", new Builtin(), "complete");
            processor.addListener(new GogoCompletions(manager));
            CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]),
                    new ByteArrayOutputStream(), new ByteArrayOutputStream());
            Map<String, List<Completers.CompletionData>> table = new HashMap<>();
            session.put(Shell.VAR_COMPLETIONS, table);

            session.execute("x = 1");

            assertTrue(table.containsKey("supervisor:start"), table.keySet().toString());
            assertTrue(table.containsKey("supervisor:update"), table.keySet().toString());
            assertEquals("__supervisor_names", table.get("supervisor:start").get(0).argument);
            assertEquals(List.of("grp:a", "solo", "grp:", "solo:", "all"), session.execute("__supervisor_names"));
            assertEquals(List.of("grp", "solo"), session.execute("__supervisor_groups"));
        } finally {
            threadIO.stop();
        }
    }
}
