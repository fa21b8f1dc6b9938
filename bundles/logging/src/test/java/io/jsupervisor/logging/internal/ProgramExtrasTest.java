package io.jsupervisor.logging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jsupervisor.api.LogChannel;
import io.jsupervisor.config.ConfigLoader;
import io.jsupervisor.config.LoadContext;
import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgramExtrasTest {
    @TempDir
    Path dir;

    private SupervisorConfig config(String program) throws Exception {
        Path conf = dir.resolve("s.conf");
        Files.writeString(conf, "[supervisord]\n[program:web]\ncommand=/bin/true\n" + program);
        return ConfigLoader.load(conf, new LoadContext(Map.of(), "h", dir, Map.of()));
    }

    @Test
    void theDaemonIsAskedAtMostOnceASecondOnceItHasAnswered() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        AtomicReference<SupervisorConfig> current = new AtomicReference<>();
        AtomicLong nanos = new AtomicLong();
        ProgramExtras extras = new ProgramExtras(() -> {
            asked.incrementAndGet();
            return current.get();
        }, nanos::get);
        extras.of("web", "web", LogChannel.STDOUT);
        extras.of("web", "web", LogChannel.STDOUT);
        assertEquals(2, asked.get(), "no answer yet (engine not started): asked at every chunk");

        current.set(config("stdout_mirror=true\n"));
        assertEquals(new ChannelExtras(false, false, true), extras.of("web", "web", LogChannel.STDOUT));
        nanos.addAndGet(ProgramExtras.REFRESH_NANOS / 2);
        current.set(config("stdout_log_timestamps=true\n")); // a restart with new options
        assertEquals(new ChannelExtras(false, false, true), extras.of("web", "web", LogChannel.STDOUT));
        assertEquals(3, asked.get());
        nanos.addAndGet(ProgramExtras.REFRESH_NANOS);
        assertEquals(new ChannelExtras(false, true, false), extras.of("web", "web", LogChannel.STDOUT));
        assertEquals(ChannelExtras.NONE, extras.of("web", "web", LogChannel.STDERR));
        assertEquals(ChannelExtras.NONE, extras.of("other", "other", LogChannel.STDOUT));
    }

    @Test
    void aDaemonThatCannotAnswerKeepsTheLastOptions() throws Exception {
        AtomicLong nanos = new AtomicLong();
        SupervisorConfig first = config("stderr_mirror=yes\nstderr_syslog=true\nstderr_logfile=NONE\n");
        AtomicReference<SupervisorConfig> current = new AtomicReference<>(first);
        ProgramExtras extras = new ProgramExtras(() -> {
            if (current.get() == null) {
                throw new IllegalStateException("SHUTDOWN_STATE");
            }
            return current.get();
        }, nanos::get);
        assertEquals(new ChannelExtras(true, false, true), extras.of("web", "web", LogChannel.STDERR));
        current.set(null);
        nanos.addAndGet(2 * ProgramExtras.REFRESH_NANOS);
        assertEquals(new ChannelExtras(true, false, true), extras.of("web", "web", LogChannel.STDERR));
    }
}
