package io.jsupervisor.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NodeNameTest {
    @Test
    void isWhatUnameReportsAsTheNodeName() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/uname")), "no uname on this system");
        Process uname = new ProcessBuilder("/bin/uname", "-n").start();
        String expected = new String(uname.getInputStream().readAllBytes()).strip();
        assertEquals(true, uname.waitFor(30, TimeUnit.SECONDS));
        assertEquals(expected, NodeName.get());
    }
}
