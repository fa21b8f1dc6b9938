package io.jsupervisor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NodeNameTest {
    @Test
    void isTheKernelNodeNameAsPlatformNodeReturns() throws Exception {
        Path kernel = Path.of("/proc/sys/kernel/hostname");
        assumeTrue(Files.isReadable(kernel), "no /proc on this system");
        assertEquals(Files.readString(kernel).strip(), NodeName.get());
    }
}
