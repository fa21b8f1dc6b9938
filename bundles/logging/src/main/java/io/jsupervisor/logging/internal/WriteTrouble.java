package io.jsupervisor.logging.internal;

import java.io.IOException;
import java.nio.file.Path;

/** Told when a log file stops or starts accepting writes again, once per change, never per chunk. */
interface WriteTrouble {
    void failed(Path file, IOException cause);

    void recovered(Path file, long droppedBytes);
}
