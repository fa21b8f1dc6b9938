package io.jsupervisor.web.ui.internal;

import static io.jsupervisor.web.ui.internal.FakeProcessManager.process;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jsupervisor.api.Fault;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/** The reference's message texts (web.py make_callback), and when they are produced. */
class ActionRunnerTest {
    private final FakeProcessManager pm = new FakeProcessManager().with(
            process("foo", "foo", ProcessState.STOPPED, "Not started"),
            process("grp", "a", ProcessState.RUNNING, "pid 77, uptime 0:01:40"));
    private final ActionRunner runner = new ActionRunner(pm, () -> "Tue Nov 24 11:26:22 2026");

    private String message(String action, String namespec) {
        return runner.run(action, namespec).toCompletableFuture().join();
    }

    @Test
    void startWaitsForTheStartAndSaysStarted() {
        CompletableFuture<Boolean> start = new CompletableFuture<>();
        pm.startAnswer = start;
        CompletionStage<String> message = runner.run("start", "foo");
        assertFalse(message.toCompletableFuture().isDone(), "the reference answers once the start is done");
        start.complete(true);
        assertEquals("Process foo started", message.toCompletableFuture().join());
        assertEquals(List.of("startProcess foo true"), pm.calls());
    }

    @Test
    void startFaultsUseTheReferenceWords() {
        pm.startAnswer = CompletableFuture.failedFuture(new SupervisorException(Fault.SPAWN_ERROR, "foo"));
        assertEquals("ERROR: Process foo: spawn error", message("start", "foo"));
        pm.startAnswer = CompletableFuture.failedFuture(new SupervisorException(Fault.ALREADY_STARTED, "foo"));
        assertEquals("ERROR: Process foo: already started", message("start", "foo"));
        pm.startAnswer = CompletableFuture.failedFuture(new SupervisorException(Fault.NO_FILE, "/nope"));
        assertEquals("ERROR: Process foo: no such file", message("start", "foo"));
        pm.startAnswer = CompletableFuture.failedFuture(new SupervisorException(Fault.SHUTDOWN_STATE));
        assertEquals("ERROR: Process foo: unexpected rpc fault [6] SHUTDOWN_STATE", message("start", "foo"));
    }

    @Test
    void stopFaultIsTheBareUnexpectedRpcFaultText() {
        assertEquals("Process grp:a stopped", message("stop", "grp:a"));
        pm.stopAnswer = CompletableFuture.failedFuture(new SupervisorException(Fault.NOT_RUNNING, "grp:a"));
        assertEquals("unexpected rpc fault [70] NOT_RUNNING: grp:a", message("stop", "grp:a"));
    }

    @Test
    void restartStopsThenStartsAndSaysRestartedEvenWhenTheStopFailed() {
        pm.stopAnswer = CompletableFuture.failedFuture(new SupervisorException(Fault.NOT_RUNNING, "grp:a"));
        assertEquals("Process grp:a restarted", message("restart", "grp:a"));
        assertEquals(List.of("stopProcess grp:a true", "startProcess grp:a true"), pm.calls());
    }

    @Test
    void clearLogSaysClearedOrTheFault() {
        assertEquals("Log for foo cleared", message("clearlog", "foo"));
        pm.clearFailure = new SupervisorException(Fault.FAILED, "foo");
        assertEquals("unexpected rpc fault [30] FAILED: foo", message("clearlog", "foo"));
    }

    @Test
    void unknownProcessIsNoSuchProcessNamedAndNothingIsCalled() {
        assertEquals("No such process named nobody", message("start", "nobody"));
        assertEquals(List.of(), pm.calls());
    }

    @Test
    void updateChangedWaitsForTheFinerUpdateAndSaysWhatItDid() {
        CompletableFuture<io.jsupervisor.api.UpdateReport> update = new CompletableFuture<>();
        pm.updateAnswer = update;
        CompletionStage<String> message = runner.run("updatechanged", null);
        assertFalse(message.toCompletableFuture().isDone(), "answered once the stops are done");
        update.complete(new io.jsupervisor.api.UpdateReport(List.of("new"), List.of("old"), List.of("grp:a"),
                List.of("grp:c"), List.of("grp:b")));
        assertEquals("Updated at Tue Nov 24 11:26:22 2026: old: removed process group; grp:b: removed process; "
                + "grp:a: restarted; grp:c: added process; new: added process group", message.toCompletableFuture().join());
        pm.updateAnswer = CompletableFuture.completedFuture(new io.jsupervisor.api.UpdateReport(List.of(), List.of(),
                List.of(), List.of(), List.of()));
        assertEquals("No config updates to processes at Tue Nov 24 11:26:22 2026", message("updatechanged", null));
        pm.updateAnswer = CompletableFuture.failedFuture(new SupervisorException(Fault.CANT_REREAD, "bad: x"));
        assertEquals("ERROR: CANT_REREAD: bad: x", message("updatechanged", null));
        assertEquals(List.of("updateChangedOnly", "updateChangedOnly", "updateChangedOnly"), pm.calls());
    }

    @Test
    void allActionsCarryTheTimeAndRestartAllStopsThenStarts() {
        assertEquals("Page refreshed at Tue Nov 24 11:26:22 2026", message("refresh", null));
        assertEquals("All stopped at Tue Nov 24 11:26:22 2026", message("stopall", null));
        assertEquals("All restarted at Tue Nov 24 11:26:22 2026", message("restartall", null));
        assertEquals(List.of("stopAllProcesses true", "stopAllProcesses true", "startAllProcesses true"), pm.calls());
    }

    @Test
    void unknownActionOrMissingNameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> runner.run("shutdown", "foo"));
        assertThrows(IllegalArgumentException.class, () -> runner.run("start", null));
        assertThrows(IllegalArgumentException.class, () -> runner.run("stop", ""));
        assertEquals(List.of(), pm.calls());
    }
}
