package io.jsupervisor.core.internal;

import io.jsupervisor.api.ResourceMeter;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link ResourceMeter} service: a {@link ProcessTreeUsage} pass over {@code /proc} per snapshot. The page
 * size is read once. Thread-safe (a snapshot is a new table; nothing is shared between calls).
 */
@Component(service = ResourceMeter.class)
public final class ProcMeter implements ResourceMeter {
    private final Path proc;
    private final long pageSize;

    /** The machine's {@code /proc}. */
    public ProcMeter() {
        this(Path.of("/proc"));
    }

    /** A {@code /proc}-shaped directory (tests). */
    public ProcMeter(Path proc) {
        this.proc = proc;
        this.pageSize = ProcessTreeUsage.pageSize(proc);
    }

    @Override
    public Snapshot snapshot() {
        return ProcessTreeUsage.read(proc, pageSize);
    }
}
