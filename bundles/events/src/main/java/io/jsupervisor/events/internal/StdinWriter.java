package io.jsupervisor.events.internal;

/** Writes to a listener process's stdin (in the daemon: {@code ProcessManager.sendProcessStdin}). */
@FunctionalInterface
interface StdinWriter {
    /**
     * @param namespec the listener's {@code group:process} name
     * @return false when the listener cannot take input (the reference's EPIPE): try another listener
     */
    boolean write(String namespec, byte[] data);
}
