package io.jsupervisor.api;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads what the machine's processes use (Linux {@code /proc}). The core publishes it as a service, so the
 * resource limits and the metrics share one reader. Elsewhere (no {@code /proc}) every snapshot is empty.
 *
 * @since 1.2
 */
@ProviderType
public interface ResourceMeter {
    /** One pass over the machine's process table; the snapshot then answers any number of pids from memory. */
    Snapshot snapshot();

    /** The process table at one moment. */
    @ProviderType
    interface Snapshot {
        /** Sums over {@code pid} and all its descendants; {@link ResourceUsage#NONE} when it is not there. */
        ResourceUsage tree(long pid);

        /** The process alone (its CPU time includes its reaped children's); empty when it is not there. */
        Optional<ResourceUsage> process(long pid);

        /** Number of processes in the table. */
        int size();
    }
}
