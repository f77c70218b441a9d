package org.dutygraph.inspections;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Fails once more than {@code limit} bytes were written, so an oversized upload stops early. */
final class LimitedOutputStream extends FilterOutputStream {

    static final class LimitExceeded extends IOException {
        LimitExceeded() {
            super("limit exceeded");
        }
    }

    private final long limit;
    private long written;

    LimitedOutputStream(OutputStream out, long limit) {
        super(out);
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        count(1);
        out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        count(len);
        out.write(b, off, len);
    }

    private void count(int n) throws IOException {
        written += n;
        if (written > limit) {
            throw new LimitExceeded();
        }
    }
}
