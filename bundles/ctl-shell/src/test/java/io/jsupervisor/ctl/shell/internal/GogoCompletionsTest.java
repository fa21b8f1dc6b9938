package io.jsupervisor.ctl.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.ProcessState;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Function;
import org.junit.jupiter.api.Test;

/** The completion specs a Gogo session gets, once, and the names they offer. */
class GogoCompletionsTest {
    @Test
    void installsCompletionsOnceAndOffersNamesGroupsAndAll() throws Exception {
        FakeProcessManager manager = new FakeProcessManager();
        manager.process("grp", "a", ProcessState.RUNNING, "", 1).process("solo", "solo", ProcessState.STOPPED, "", 0);
        Map<String, Object> variables = new HashMap<>();
        List<String> executed = new ArrayList<>();
        CommandSession session = (CommandSession) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CommandSession.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "get" -> variables.get((String) args[0]);
                    case "put" -> variables.put((String) args[0], args[1]);
                    case "execute" -> {
                        executed.add(args[0].toString());
                        yield null;
                    }
                    default -> null;
                });
        GogoCompletions completions = new GogoCompletions(manager);
        completions.beforeExecute(session, "profile");
        completions.beforeExecute(session, "another");
        assertEquals(GogoCompletions.NAMED_COMMANDS.size() + GogoCompletions.GROUP_COMMANDS.size(), executed.size());
        assertTrue(executed.contains("complete -c supervisor:start -a '__supervisor_names'"), executed.toString());
        Function names = (Function) variables.get(GogoCompletions.NAMES_FUNCTION);
        assertEquals(List.of("grp:a", "solo", "grp:", "solo:", "all"), names.execute(session, List.of()));
    }
}
