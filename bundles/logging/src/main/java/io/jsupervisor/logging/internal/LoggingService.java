package io.jsupervisor.logging.internal;

import io.jsupervisor.api.LogFileSpec;
import io.jsupervisor.api.LogStore;
import io.jsupervisor.api.LogTail;
import io.jsupervisor.api.MainLogRecord;
import io.jsupervisor.api.MainLogSink;
import io.jsupervisor.api.OutputChunk;
import io.jsupervisor.api.OutputSink;
import io.jsupervisor.api.ProcessManager;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.time.Clock;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LogReaderService;

/**
 * The logging bundle's one component: child output to files, the main log, and reads of both.
 * One instance shares one set of open files, so reads and clears see the writers' locks.
 * Files are opened lazily on first use and all closed on deactivation; the core keeps what arrives
 * while this component is away and delivers it to the next instance.
 */
@Component(service = {OutputSink.class, MainLogSink.class, LogStore.class})
public final class LoggingService implements OutputSink, MainLogSink, LogStore {
    private final MainLog mainLog;
    private final LogFiles files;
    private final ChildOutput childOutput;
    private final SyslogWriter syslog;
    private final FrameworkLogForwarder frameworkLog;

    @Activate
    public LoggingService(@Reference(name = "processManager") ProcessManager manager) {
        this(new Parts(() -> MainLogSettings.of(manager.configuration().supervisord()), manager::configuration,
                Clock.systemDefaultZone(),
                System::nanoTime, new FileOutputStream(FileDescriptor.out), System.err, SyslogWriter.LOGGER_COMMAND));
    }

    LoggingService(Parts parts) {
        this.syslog = new SyslogWriter(parts.syslogCommand(), parts.clock(), parts.stderr());
        // the main log copy and the mirror share stdout: each of their writes goes out whole
        LineAtomicStream stdout = new LineAtomicStream(parts.stdout());
        this.mainLog = new MainLog(parts.settings(), new MainLogFormat(parts.clock().getZone()), parts.clock(),
                parts.nanos(), stdout, parts.stderr(), syslog);
        this.files = mainLog.files();
        this.childOutput = new ChildOutput(files, syslog, new ProgramExtras(parts.configuration(), parts.nanos()),
                new LineStamps(parts.clock()), new StdoutMirror(stdout));
        this.frameworkLog = new FrameworkLogForwarder(mainLog::note);
        mainLog.loadSettings();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindLogReader(LogReaderService reader) {
        frameworkLog.attach(reader, System.currentTimeMillis());
    }

    void unbindLogReader(LogReaderService reader) {
        frameworkLog.detach(reader);
    }

    @Deactivate
    void deactivate() {
        childOutput.close();
        files.closeAll();
        syslog.close();
    }

    @Override
    public void write(OutputChunk chunk) {
        childOutput.write(chunk);
    }

    @Override
    public void created(LogFileSpec logFile) {
        childOutput.created(logFile);
    }

    @Override
    public void log(MainLogRecord record) {
        mainLog.log(record);
    }

    @Override
    public byte[] read(LogFileSpec file, long offset, long length) throws IOException {
        return files.locked(file.path(), () -> FileSlices.read(file.path(), offset, length));
    }

    @Override
    public LogTail tail(LogFileSpec file, long offset, long length) throws IOException {
        return files.locked(file.path(), () -> FileSlices.tail(file.path(), offset, length));
    }

    @Override
    public void clear(LogFileSpec file) throws IOException {
        files.clear(file.path());
    }

    @Override
    public void rotate(LogFileSpec file) throws IOException {
        files.rotate(file);
    }

    @Override
    public void reopenAll() {
        files.reopenAll();
    }
}
