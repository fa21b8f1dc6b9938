package io.jsupervisor.core.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.jsupervisor.api.MainLogRecord;
import io.jsupervisor.api.OutputChunk;
import io.jsupervisor.api.OutputSink;
import io.jsupervisor.api.ProcessInfo;
import io.jsupervisor.api.ProcessState;
import io.jsupervisor.api.SupervisorEvent;
import io.jsupervisor.config.SupervisorConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** An engine with recording sinks; closing it stops every child and checks none is left. */
final class Harness implements AutoCloseable {
    final Engine engine;
    final ProcessManagerImpl pm;
    final List<MainLogRecord> log = new CopyOnWriteArrayList<>();
    final List<SupervisorEvent> events = new CopyOnWriteArrayList<>();
    final List<OutputChunk> chunks = new CopyOnWriteArrayList<>();
    final OutputSink sink = chunks::add;
    SupervisorConfig reloaded;
    /** When set, re-reading the configuration fails with it (a bad file). */
    io.jsupervisor.config.ConfigException rereadError;

    Harness(SupervisorConfig config) {
        this(config, e -> {
        });
    }

    /** @param beforeStart adjusts the engine before it starts (what the DS component sets from properties) */
    Harness(SupervisorConfig config, java.util.function.Consumer<Engine> beforeStart) {
        engine = new Engine(System.getenv(), ProcessHandle.current().pid(),
                () -> {
                    if (rereadError != null) {
                        throw rereadError;
                    }
                    return reloaded != null ? reloaded : config;
                }, false, null);
        pm = new ProcessManagerImpl(engine, engine::logStore);
        engine.log.sinks().add(log::add, "test-log");
        engine.events.listeners().add(events::add, "test-events");
        engine.output.sinks().add(sink, "test-output");
        beforeStart.accept(engine);
        engine.start(config);
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting for " + what);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(20); // polling interval of the bounded wait, not a fixed delay
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(e);
            }
        }
    }

    void awaitState(String name, ProcessState state, int seconds) {
        await(name + " " + state + " (now " + safeState(name) + ")", Duration.ofSeconds(seconds),
                () -> safeState(name) == state);
    }

    private ProcessState safeState(String name) {
        try {
            return pm.processInfo(name).state();
        } catch (RuntimeException e) {
            return null;
        }
    }

    ProcessInfo info(String name) {
        return pm.processInfo(name);
    }

    List<String> messages() {
        return log.stream().map(MainLogRecord::message).collect(Collectors.toList());
    }

    void awaitLog(String line, int seconds) {
        await("log line: " + line + " in " + messages(), Duration.ofSeconds(seconds),
                () -> messages().contains(line));
    }

    long count(String line) {
        return messages().stream().filter(line::equals).count();
    }

    /** Every byte a process wrote on a channel, in order. */
    String output(String process, io.jsupervisor.api.LogChannel channel) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (OutputChunk c : chunks) {
            if (c.process().equals(process) && c.channel() == channel) {
                b.writeBytes(c.data());
            }
        }
        return b.toString(StandardCharsets.UTF_8);
    }

    /** The first event of a type, waiting for it (events are delivered on their own thread). */
    SupervisorEvent firstEvent(io.jsupervisor.api.EventType type) {
        await("event " + type, Duration.ofSeconds(10), () -> !events(type).isEmpty());
        return events(type).get(0);
    }

    List<SupervisorEvent> events(io.jsupervisor.api.EventType type) {
        List<SupervisorEvent> l = new ArrayList<>();
        for (SupervisorEvent e : events) {
            if (e.type() == type) {
                l.add(e);
            }
        }
        return l;
    }

    @Override
    public void close() {
        engine.close();
        // no child left alive (the JDK reaps what it spawned: no zombie either)
        await("no child process left", Duration.ofSeconds(10),
                () -> ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive));
        assertTrue(ProcessHandle.current().children().noneMatch(ProcessHandle::isAlive));
    }
}
