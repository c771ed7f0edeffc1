package uk.consumptioninsights.dataaccess.sharing.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A response body that fails with {@link BodyTooLarge} once more than {@code limit} bytes arrive, so a server can
 * never make the client read (and hold) more than it allows.
 */
public final class SizeLimitedBody extends FilterInputStream {

    private final long limit;
    private long count;

    public SizeLimitedBody(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        refuseIfOver();
        int b = in.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        refuseIfOver();
        if (length == 0) {
            return 0;
        }
        // One byte past the limit is enough to tell the answer is too large.
        int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        refuseIfOver();
        long skipped = in.skip(Math.max(0, Math.min(n, limit - count + 1)));
        counted(skipped);
        return skipped;
    }

    private void refuseIfOver() throws BodyTooLarge {
        if (count > limit) {
            throw new BodyTooLarge(limit);
        }
    }

    private void counted(long n) throws BodyTooLarge {
        count += n;
        if (count > limit) {
            throw new BodyTooLarge(limit);
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
