package io.jsupervisor.core.internal;

import static io.jsupervisor.core.internal.Specs.config;
import static io.jsupervisor.core.internal.Specs.group;
import static io.jsupervisor.core.internal.Specs.proc;
import static io.jsupervisor.core.internal.Specs.program;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jsupervisor.api.EventType;
import io.jsupervisor.api.Fault;
import io.jsupervisor.api.LogChannel;
import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.LogStore;
import io.jsupervisor.api.LogTail;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessResult;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorException;
import io.jsupervisor.api.SupervisorState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ProcessManager operations: faults, wait semantics, results, groups, logs, shutdown. */
class OperationsTest {
    @TempDir
    Path dir;

    static SupervisorException fault(Future<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, f::get);
        return (SupervisorException) e.getCause();
    }

    static SupervisorException fault(Runnable r) {
        return assertThrows(SupervisorException.class, r::run);
    }

    @Test
    void startProcessWaitFaults() throws Exception {
        try (Harness h = new Harness(config(dir,
                program(proc("good", "sleep 30").autostart(false).startsecs(1)),
                program(proc("quick", "true").autostart(false).startsecs(3).startretries(0))))) {
            long t0 = System.nanoTime();
            assertTrue(h.pm.startProcess("good", true).get());
            assertTrue(System.nanoTime() - t0 > 900_000_000L, "the reply waits for RUNNING");
            assertEquals(ProcessState.RUNNING, h.info("good").state());
            assertEquals("ALREADY_STARTED: good", fault(h.pm.startProcess("good", true)).getMessage());
            assertEquals("SPAWN_ERROR: quick", fault(h.pm.startProcess("quick", true)).getMessage());
            assertEquals("BAD_NAME: nope", fault(h.pm.startProcess("nope", true)).getMessage());
            assertEquals(Fault.BAD_NAME, fault(h.pm.startProcess("good:nope", true)).fault());
            assertEquals("NOT_RUNNING: quick", fault(h.pm.stopProcess("quick", true)).getMessage());
            assertEquals("BAD_SIGNAL: NOPE", fault(h.pm.signalProcess("good", "NOPE")).getMessage());
            assertTrue(h.pm.signalProcess("good", "CONT").get());
            assertEquals(Fault.BAD_NAME, fault(() -> h.pm.processInfo("good:*")).fault());
        }
    }

    @Test
    void startProcessWithoutWaitReturnsAtOnce() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("s", "sleep 30").autostart(false).startsecs(5))))) {
            long t0 = System.nanoTime();
            assertTrue(h.pm.startProcess("s", false).get());
            assertTrue(System.nanoTime() - t0 < 3_000_000_000L);
            assertEquals(ProcessState.STARTING, h.info("s").state());
        }
    }

    @Test
    void groupResults() throws Exception {
        try (Harness h = new Harness(config(dir, group("grp", 999,
                proc("ok", "sleep 30").autostart(false).startsecs(1),
                proc("bad", "true").autostart(false).startsecs(2).startretries(0),
                proc("missing", "/nonexistent/x").autostart(false))))) {
            List<ProcessResult> r = h.pm.startProcessGroup("grp", true).get();
            assertTrue(r.contains(ProcessResult.ok("ok", "grp")), r::toString);
            assertTrue(r.contains(new ProcessResult("bad", "grp", 50, "SPAWN_ERROR: grp:bad")), r::toString);
            assertTrue(r.contains(new ProcessResult("missing", "grp", 20,
                    "NO_FILE: can't find command '/nonexistent/x'")), r::toString);
            assertEquals(3, r.size());
            // already running ones get no entry
            List<ProcessResult> again = h.pm.startProcessGroup("grp", false).get();
            assertEquals(List.of("bad", "missing"), again.stream().map(ProcessResult::name).sorted()
                    .collect(Collectors.toList()));
            List<ProcessResult> stopped = h.pm.stopProcessGroup("grp", true).get();
            assertTrue(stopped.contains(ProcessResult.ok("ok", "grp")), stopped::toString);
            assertEquals(Fault.BAD_NAME, fault(h.pm.startProcessGroup("nope", true)).fault());
        }
    }

    @Test
    void processesThatStopTogetherAreEachReportedOnceAsStopped() throws Exception {
        try (Harness h = new Harness(config(dir, group("grp", 999,
                proc("a", "sleep 30").startsecs(0), proc("b", "sleep 30").startsecs(0),
                proc("c", "sleep 30").startsecs(0), proc("d", "sleep 30").startsecs(0))))) {
            for (int round = 0; round < 3; round++) {
                h.pm.startProcessGroup("grp", true).get();
                // the order is the order of the exits seen per poll, as the reference's allfunc: timing, on a
                // loaded machine; what must hold is one OK per process
                List<ProcessResult> stopped = h.pm.stopProcessGroup("grp", true).get();
                assertEquals(List.of("a", "b", "c", "d"), stopped.stream().map(ProcessResult::name).sorted()
                        .collect(Collectors.toList()), "round " + round);
                assertTrue(stopped.stream().allMatch(r -> r.status() == Fault.SUCCESS.code()), stopped::toString);
                assertTrue(h.pm.allProcessInfo().stream().allMatch(p -> p.state() == ProcessState.STOPPED));
            }
        }
    }

    @Test
    void allOperationsAndSignalsReportPerProcess() throws Exception {
        try (Harness h = new Harness(config(dir, group("grp", 999,
                proc("a", "sleep 30").autostart(false).startsecs(0),
                proc("b", "sleep 30").autostart(false).startsecs(0)),
                program(proc("c", "sleep 30").autostart(false).startsecs(0))))) {
            List<ProcessResult> started = h.pm.startAllProcesses(true).get();
            assertEquals(List.of("a", "b", "c"), started.stream().map(ProcessResult::name).sorted()
                    .collect(Collectors.toList()));
            List<ProcessResult> signalled = h.pm.signalProcessGroup("grp", "CONT").get();
            assertEquals(List.of(ProcessResult.ok("a", "grp"), ProcessResult.ok("b", "grp")), signalled);
            List<ProcessResult> bad = h.pm.signalAllProcesses("BOGUS").get();
            assertTrue(bad.stream().allMatch(r -> r.status() == Fault.BAD_SIGNAL.code()), bad::toString);
            assertEquals("BAD_NAME: grp:nope", fault(() -> h.pm.sendProcessStdin("grp:nope", new byte[0]))
                    .getMessage());
            List<ProcessResult> stopped = h.pm.stopAllProcesses(true).get();
            assertEquals(3, stopped.size());
            assertTrue(h.pm.allProcessInfo().stream().allMatch(p -> p.state() == ProcessState.STOPPED));
            assertEquals("NOT_RUNNING: c", fault(() -> h.pm.sendProcessStdin("c", new byte[] {1})).getMessage());
            assertEquals(3, h.pm.clearAllProcessLogs().get().size());
        }
    }

    @Test
    void allProcessInfoSortedByGroupThenName() {
        try (Harness h = new Harness(config(dir,
                group("zeta", 1, proc("a", "sleep 1").autostart(false)),
                group("alpha", 2, proc("b", "sleep 1").autostart(false), proc("a", "sleep 1").autostart(false))))) {
            List<String> names = h.pm.allProcessInfo().stream().map(ProcessInfo::namespec)
                    .collect(Collectors.toList());
            assertEquals(List.of("alpha:a", "alpha:b", "zeta:a"), names);
            assertEquals("Not started", h.info("alpha:a").description());
        }
    }

    @Test
    void priorityOrder() throws Exception {
        try (Harness h = new Harness(config(dir,
                program(proc("late", "sleep 30").priority(20).startsecs(0)),
                program(proc("early", "sleep 30").priority(10).startsecs(0))))) {
            h.awaitState("late", ProcessState.RUNNING, 5);
            h.awaitState("early", ProcessState.RUNNING, 5);
            h.awaitLog("success: late entered RUNNING state, process has stayed up for > than 0 seconds (startsecs)", 5);
            List<String> spawned = h.messages().stream().filter(m -> m.startsWith("spawned:"))
                    .collect(Collectors.toList());
            assertTrue(spawned.get(0).startsWith("spawned: 'early'"), spawned::toString);
            h.engine.shutdown();
            assertTrue(h.engine.awaitShutdown(10, java.util.concurrent.TimeUnit.SECONDS));
            h.awaitLog("stopped: early (terminated by SIGTERM)", 5);
            List<String> stops = h.messages().stream().filter(m -> m.startsWith("stopped:"))
                    .collect(Collectors.toList());
            assertEquals(List.of("stopped: late (terminated by SIGTERM)", "stopped: early (terminated by SIGTERM)"),
                    stops);
            h.firstEvent(EventType.SUPERVISOR_STATE_CHANGE_STOPPING);
            assertEquals(1, h.events(EventType.SUPERVISOR_STATE_CHANGE_STOPPING).size());
            assertEquals(SupervisorState.SHUTDOWN, h.pm.state());
            assertEquals(Fault.SHUTDOWN_STATE, fault(() -> h.pm.allProcessInfo()).fault());
            assertEquals(Fault.SHUTDOWN_STATE, fault(h.pm.startProcess("late", true)).fault());
        }
    }

    @Test
    void removeGroupStillRunning() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("svc", "sleep 30").startsecs(0))))) {
            h.awaitState("svc", ProcessState.RUNNING, 5);
            assertEquals("STILL_RUNNING: svc", fault(() -> h.pm.removeProcessGroup("svc")).getMessage());
            assertEquals("BAD_NAME: nope", fault(() -> h.pm.removeProcessGroup("nope")).getMessage());
            assertEquals("ALREADY_ADDED: svc", fault(() -> h.pm.addProcessGroup("svc")).getMessage());
            h.pm.stopProcess("svc", true).get();
            h.pm.removeProcessGroup("svc");
            assertEquals("groupname:svc\n", h.firstEvent(EventType.PROCESS_GROUP_REMOVED).payload());
            assertEquals(Fault.BAD_NAME, fault(() -> h.pm.processInfo("svc")).fault());
            // added back from the last parsed configuration: autostart runs again
            h.pm.addProcessGroup("svc");
            h.awaitState("svc", ProcessState.RUNNING, 5);
            h.await("second PROCESS_GROUP_ADDED", Duration.ofSeconds(5),
                    () -> h.events(EventType.PROCESS_GROUP_ADDED).size() == 2);
        }
    }

    @Test
    void reloadConfigReportsAddedChangedRemoved() {
        try (Harness h = new Harness(config(dir,
                program(proc("same", "sleep 1").autostart(false)),
                program(proc("edit", "sleep 1").autostart(false)),
                program(proc("gone", "sleep 1").autostart(false))))) {
            h.reloaded = config(dir,
                    program(proc("same", "sleep 1").autostart(false)),
                    program(proc("edit", "sleep 2").autostart(false)),
                    program(proc("new", "sleep 1").autostart(false)));
            var r = h.pm.reloadConfig();
            assertEquals(List.of("new"), r.added());
            assertEquals(List.of("edit"), r.changed());
            assertEquals(List.of("gone"), r.removed());
            var names = h.pm.allConfigInfo().stream().map(c -> c.name() + "/" + c.inuse())
                    .collect(Collectors.toList());
            assertEquals(List.of("edit/true", "new/false", "same/true"), names);
        }
    }

    @Test
    void readLogNoStore() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("a", "sleep 1").autostart(false)
                .stdout(Specs.auto()))))) {
            String path = h.info("a").stdoutLogfile();
            assertEquals("NO_FILE: " + path,
                    fault(() -> h.pm.readProcessLog("a", LogChannel.STDOUT, 0, 0)).getMessage());
            assertEquals("NO_FILE",
                    fault(() -> h.pm.readProcessLog("a", LogChannel.STDERR, 0, 0)).getMessage());
            LogTail t = h.pm.tailProcessLog("a", LogChannel.STDOUT, 0, 100);
            assertEquals(0, t.data().length);
            assertEquals(0, t.offset());
            Files.writeString(Path.of(path), "out\n");
            h.engine.setLogStore(new FileStore());
            assertEquals("BAD_ARGUMENTS", fault(() -> h.pm.readProcessLog("a", LogChannel.STDOUT, -1, 5)).getMessage());
            assertEquals("BAD_ARGUMENTS", fault(() -> h.pm.readProcessLog("a", LogChannel.STDOUT, 0, -1)).getMessage());
            assertArrayEquals("out\n".getBytes(), h.pm.readProcessLog("a", LogChannel.STDOUT, 0, 0));
            assertEquals(Fault.BAD_NAME, fault(() -> h.pm.readProcessLog("zz", LogChannel.STDOUT, 0, 0)).fault());
        }
    }

    @Test
    void restartRecreatesGroupsAndAutostartsAgain() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("svc", "sleep 30").startsecs(0))))) {
            h.awaitState("svc", ProcessState.RUNNING, 5);
            long pid1 = h.info("svc").pid();
            h.pm.stopProcess("svc", true).get();
            h.pm.restart();
            h.await("restarted", Duration.ofSeconds(10), () -> h.events(EventType.SUPERVISOR_STATE_CHANGE_RUNNING)
                    .size() == 2);
            h.awaitState("svc", ProcessState.RUNNING, 5);
            assertTrue(h.info("svc").pid() != pid1);
            assertEquals(2, h.count("supervisord started with pid " + ProcessHandle.current().pid()));
        }
    }

    @Test
    void remoteCommunicationEvent() {
        try (Harness h = new Harness(config(dir))) {
            h.pm.sendRemoteCommEvent("mytype", "some data\nline2");
            h.await("event", Duration.ofSeconds(5), () -> !h.events(EventType.REMOTE_COMMUNICATION).isEmpty());
            assertEquals("type:mytype\nsome data\nline2", h.firstEvent(EventType.REMOTE_COMMUNICATION).payload());
        }
    }

    @Test
    void rotateProcessLogsRotatesTheFilesThatExistThroughTheStore() throws Exception {
        try (Harness h = new Harness(config(dir,
                program(proc("a", "sleep 30").autostart(false).stdout(Specs.auto()).stderr(Specs.auto())),
                program(proc("b", "sleep 30").autostart(false).stdout(Specs.auto()))))) {
            // no store: nothing rotated and no fault, as clearProcessLogs; the main log has NO_FILE
            h.pm.rotateProcessLogs("a");
            assertEquals("NO_FILE", fault(() -> h.pm.rotateLog()).getMessage());
            RotatingStore store = new RotatingStore();
            h.engine.setLogStore(store);
            Path out = Path.of(h.info("a").stdoutLogfile());
            Path err = Path.of(h.info("a").stderrLogfile());
            Files.writeString(out, "out\n");
            Files.writeString(err, "err\n");
            h.pm.rotateProcessLogs("a");
            assertEquals(List.of(out, err), store.rotated);
            assertEquals("out\n", Files.readString(Path.of(out + ".1")));
            assertEquals("", Files.readString(out));
            assertEquals("BAD_NAME: nope", fault(() -> h.pm.rotateProcessLogs("nope")).getMessage());
            // b's file does not exist yet: skipped, not created
            store.rotated.clear();
            Path bOut = Path.of(h.info("b").stdoutLogfile());
            Files.deleteIfExists(bOut);
            h.pm.rotateAllProcessLogs();
            assertEquals(List.of(out, err), store.rotated);
            assertTrue(!Files.exists(bOut));
            // the main log, when it exists
            Path main = dir.resolve("supervisord.log");
            Files.writeString(main, "main\n");
            h.pm.rotateLog();
            assertEquals(main, store.rotated.get(store.rotated.size() - 1));
            // a failing store: FAILED naming the process
            store.fail = true;
            assertEquals("FAILED: a", fault(() -> h.pm.rotateProcessLogs("a")).getMessage());
            assertEquals("FAILED: a", fault(() -> h.pm.rotateAllProcessLogs()).getMessage());
            assertEquals("FAILED", fault(() -> h.pm.rotateLog()).getMessage());
            // a store without rotation (the API default)
            h.engine.setLogStore(new FileStore());
            assertEquals("FAILED: a: rotation not supported by the log store",
                    fault(() -> h.pm.rotateProcessLogs("a")).getMessage());
        }
    }

    @Test
    void processManagerDefaultsRefuseRotationAsFailed() {
        io.jsupervisor.api.ProcessManager stub = (io.jsupervisor.api.ProcessManager) java.lang.reflect.Proxy
                .newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {io.jsupervisor.api.ProcessManager.class}, (proxy, m, args) ->
                                java.lang.reflect.InvocationHandler.invokeDefault(proxy, m, args));
        assertEquals("FAILED: not supported", fault(() -> stub.rotateProcessLogs("x")).getMessage());
        assertEquals("FAILED: not supported", fault(stub::rotateAllProcessLogs).getMessage());
        assertEquals("FAILED: not supported", fault(stub::rotateLog).getMessage());
    }

    /** Rotates like the logging bundle's store (current file to .1, a new empty one), and records it. */
    static final class RotatingStore implements LogStore {
        final List<Path> rotated = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean fail;

        @Override
        public void rotate(LogFileSpec file) throws java.io.IOException {
            if (fail) {
                throw new java.io.IOException("disk on fire");
            }
            Files.move(file.path(), Path.of(file.path() + ".1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.createFile(file.path());
            rotated.add(file.path());
        }

        @Override
        public byte[] read(LogFileSpec file, long offset, long length) {
            return new byte[0];
        }

        @Override
        public LogTail tail(LogFileSpec file, long offset, long length) {
            return new LogTail(new byte[0], 0, false);
        }

        @Override
        public void clear(LogFileSpec file) {
        }

        @Override
        public void reopenAll() {
        }
    }

    @Test
    void queriesAnswerIdentificationPidConfigurationAndLogFiles() {
        var config = config(dir, program(proc("a", "sleep 1").autostart(false).stdout(Specs.auto())));
        try (Harness h = new Harness(config)) {
            assertEquals("supervisor", h.pm.identification());
            assertEquals(ProcessHandle.current().pid(), h.pm.pid());
            assertEquals(config, h.pm.configuration());
            assertEquals(SupervisorState.RUNNING, h.pm.state());
            assertEquals(Path.of(h.info("a").stdoutLogfile()), h.pm.processLogFile("a", LogChannel.STDOUT).orElseThrow());
            assertTrue(h.pm.processLogFile("a", LogChannel.STDERR).isEmpty());
            assertEquals(dir.resolve("supervisord.log"), h.pm.mainLogFile().orElseThrow());
            assertEquals(Fault.BAD_NAME, fault(() -> h.pm.processLogFile("nope", LogChannel.STDOUT)).fault());
        }
    }

    @Test
    void rereadOfABadFileIsCantRereadAndNothingRunningChanges() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("svc", "sleep 30").startsecs(0))))) {
            h.awaitState("svc", ProcessState.RUNNING, 5);
            long pid = h.info("svc").pid();
            h.rereadError = new io.jsupervisor.config.ConfigException(
                    "[program:web] startsecs: not an integer: 'ten' (file: /x/supervisord.conf)");
            assertEquals("CANT_REREAD: [program:web] startsecs: not an integer: 'ten' (file: /x/supervisord.conf)",
                    fault(() -> h.pm.reloadConfig()).getMessage());
            assertEquals(pid, h.info("svc").pid());
            assertEquals(ProcessState.RUNNING, h.info("svc").state());
        }
    }

    @Test
    void shutdownStopsEveryChildThenEveryCallIsShutdownState() throws Exception {
        try (Harness h = new Harness(config(dir, program(proc("svc", "sleep 30").startsecs(0))))) {
            h.awaitState("svc", ProcessState.RUNNING, 5);
            long pid = h.info("svc").pid();
            h.pm.shutdown();
            assertTrue(h.engine.awaitShutdown(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(SupervisorState.SHUTDOWN, h.pm.state());
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
            assertEquals(Fault.SHUTDOWN_STATE, fault(() -> h.pm.shutdown()).fault());
            assertEquals(Fault.SHUTDOWN_STATE, fault(() -> h.pm.restart()).fault());
            assertEquals(Fault.SHUTDOWN_STATE, fault(() -> h.pm.rotateLog()).fault());
        }
    }

    /** A minimal store over real files, for the argument checks. */
    static final class FileStore implements LogStore {
        @Override
        public byte[] read(LogFileSpec file, long offset, long length) throws java.io.IOException {
            byte[] all = Files.readAllBytes(file.path());
            int from = (int) (offset < 0 ? Math.max(0, all.length + offset) : Math.min(offset, all.length));
            int to = length == 0 ? all.length : (int) Math.min(all.length, from + length);
            return java.util.Arrays.copyOfRange(all, from, to);
        }

        @Override
        public LogTail tail(LogFileSpec file, long offset, long length) {
            return new LogTail(new byte[0], 0, false);
        }

        @Override
        public void clear(LogFileSpec file) {
        }

        @Override
        public void reopenAll() {
        }
    }
}
