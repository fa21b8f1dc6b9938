package io.jsupervisor.logging.internal;

import java.io.IOException;
import java.io.OutputStream;

/** The daemon's stdout shared by the main log copy and the mirror: each write call goes out whole. */
final class LineAtomicStream extends OutputStream {
    private final OutputStream out;

    LineAtomicStream(OutputStream out) {
        this.out = out;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        out.write(b);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public synchronized void flush() throws IOException {
        out.flush();
    }
}
