package io.jsupervisor.api;

import io.jsupervisor.config.SupervisorConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything the reference's {@code supervisor.*} XML-RPC namespace can do, as a Java service.
 *
 * <p>Names: a process is {@code group:process}, or {@code name} when group and process are the same.
 * Group operations take the group name. Operations that change state return a future that completes
 * when the reference would send its reply (with {@code wait}, when the wait is over); faults complete
 * it exceptionally with a {@link SupervisorException}. Queries throw {@link SupervisorException} directly.
 * While the daemon is RESTARTING or SHUTDOWN, every operation but {@link #sendRemoteCommEvent} fails
 * with {@link Fault#SHUTDOWN_STATE}, as the reference's do; {@link #sendProcessStdin} to an event listener
 * process is the one other exception, because listener pools are fed until they stop, last.
 */
@ProviderType
public interface ProcessManager {
    /** The API version every Supervisor client checks. */
    String API_VERSION = "3.0";
    /** The Supervisor release whose behaviour we reproduce, as {@code getSupervisorVersion} reports it. */
    String SUPERVISOR_VERSION = "4.2.5";

    SupervisorState state();

    /** {@code [supervisord] identifier}. */
    String identification();

    /** The daemon's own pid. */
    long pid();

    /** The configuration the running groups were made from (as parsed at start or restart). */
    SupervisorConfig configuration();

    ProcessInfo processInfo(String name);

    /** Sorted by group name, then process name. */
    List<ProcessInfo> allProcessInfo();

    /** From the last parsed configuration, including groups not added; sorted by process name. */
    List<ConfigInfo> allConfigInfo();

    CompletableFuture<Boolean> startProcess(String name, boolean wait);

    CompletableFuture<List<ProcessResult>> startProcessGroup(String group, boolean wait);

    CompletableFuture<List<ProcessResult>> startAllProcesses(boolean wait);

    CompletableFuture<Boolean> stopProcess(String name, boolean wait);

    CompletableFuture<List<ProcessResult>> stopProcessGroup(String group, boolean wait);

    CompletableFuture<List<ProcessResult>> stopAllProcesses(boolean wait);

    /** {@code signal} is a name ({@code HUP}, {@code SIGHUP}) or a number as text. */
    CompletableFuture<Boolean> signalProcess(String name, String signal);

    CompletableFuture<List<ProcessResult>> signalProcessGroup(String group, String signal);

    CompletableFuture<List<ProcessResult>> signalAllProcesses(String signal);

    void sendProcessStdin(String name, byte[] data);

    void sendRemoteCommEvent(String type, String data);

    /** The reference's readProcess*Log semantics for offset and length. */
    byte[] readProcessLog(String name, LogChannel channel, long offset, long length);

    LogTail tailProcessLog(String name, LogChannel channel, long offset, long length);

    void clearProcessLogs(String name);

    CompletableFuture<List<ProcessResult>> clearAllProcessLogs();

    byte[] readMainLog(long offset, long length);

    void clearMainLog();

    /**
     * Rotates the stdout and stderr log files of one process now (an extra: the reference only rotates at
     * {@code maxbytes}), through the {@link LogStore}. Files that do not exist are skipped, as
     * {@link #clearProcessLogs} skips a process without logs. Faults: BAD_NAME for an unknown name,
     * FAILED when a rotation fails.
     *
     * @since 1.1
     */
    default void rotateProcessLogs(String name) throws SupervisorException {
        throw new SupervisorException(Fault.FAILED, "not supported");
    }

    /**
     * {@link #rotateProcessLogs} for every process. Every process is tried; then FAILED names the
     * processes whose rotation failed, if any.
     *
     * @since 1.1
     */
    default void rotateAllProcessLogs() throws SupervisorException {
        throw new SupervisorException(Fault.FAILED, "not supported");
    }

    /**
     * Rotates the main log now. Faults as {@link #clearMainLog}: NO_FILE when there is no main log file.
     *
     * @since 1.1
     */
    default void rotateLog() throws SupervisorException {
        throw new SupervisorException(Fault.FAILED, "not supported");
    }

    /**
     * The health of one process (its {@code healthcheck}); {@link HealthState#NONE} when it has none.
     * Faults: BAD_NAME for an unknown name.
     *
     * @since 1.2
     */
    default HealthInfo health(String name) throws SupervisorException {
        throw new SupervisorException(Fault.FAILED, "not supported");
    }

    /**
     * {@link #health} of every process, in {@link #allProcessInfo} order.
     *
     * @since 1.2
     */
    default List<HealthInfo> allHealth() {
        return List.of();
    }

    /**
     * Re-reads the configuration and applies it more finely than the reference's {@code update}: groups
     * added or removed as a whole as there, but in a changed group only the processes whose own settings
     * changed are restarted (added, removed); the others keep running. Fault CANT_REREAD on a bad file
     * (nothing changes).
     *
     * @since 1.2
     */
    default CompletableFuture<UpdateReport> updateChangedOnly() {
        return CompletableFuture.failedFuture(new SupervisorException(Fault.FAILED, "not supported"));
    }

    /** The file a process's channel is logged to, for following it; empty when it has none. */
    Optional<Path> processLogFile(String name, LogChannel channel);

    /** The main log file, empty when it goes to syslog. */
    Optional<Path> mainLogFile();

    /** Re-parses the configuration file without applying it; fault CANT_REREAD on a bad file. */
    ReloadResult reloadConfig();

    void addProcessGroup(String group);

    void removeProcessGroup(String group);

    /** Begins the ordered shutdown; returns at once. */
    void shutdown();

    /** Begins an in-process restart (stop all, re-read, start); returns at once. */
    void restart();
}
