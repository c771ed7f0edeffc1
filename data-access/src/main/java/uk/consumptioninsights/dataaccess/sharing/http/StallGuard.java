package uk.consumptioninsights.dataaccess.sharing.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A response body that gives up when no data arrives for a while. Java's request timeout only covers the wait for
 * the response headers, so a body that stalls halfway would otherwise block forever; here the stream is closed and
 * the read fails with a timeout (never a quiet end of stream, which could pass for a complete answer).
 */
public final class StallGuard extends FilterInputStream {

    /** One timer thread for every guarded stream. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "delta-sharing-stall-guard");
        thread.setDaemon(true);
        return thread;
    });

    private final long idleNanos;
    private final ScheduledFuture<?> check;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean stalled;

    public StallGuard(InputStream in, Duration idle) {
        super(in);
        this.idleNanos = idle.toNanos();
        long period = Math.max(50, Math.min(1000, idle.toMillis() / 4));
        this.check = TIMER.scheduleAtFixedRate(this::checkActivity, period, period, TimeUnit.MILLISECONDS);
    }

    private void checkActivity() {
        if (!stalled && System.nanoTime() - lastActivity > idleNanos) {
            stalled = true;
            try {
                in.close();
            } catch (IOException e) {
                // Closing only serves to wake the blocked reader; the read below reports the stall.
            }
        }
    }

    @Override
    public int read() throws IOException {
        return guarded(readRaw());
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        return guarded(readRaw(buffer, offset, length));
    }

    private int readRaw() throws IOException {
        try {
            return in.read();
        } catch (IOException e) {
            throw stalled ? timeout() : e;
        }
    }

    private int readRaw(byte[] buffer, int offset, int length) throws IOException {
        try {
            return in.read(buffer, offset, length);
        } catch (IOException e) {
            throw stalled ? timeout() : e;
        }
    }

    private int guarded(int result) throws IOException {
        if (stalled) {
            throw timeout();
        }
        lastActivity = System.nanoTime();
        return result;
    }

    private HttpTimeoutException timeout() {
        return new HttpTimeoutException("no data for " + Duration.ofNanos(idleNanos).toSeconds() + " s");
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }
}
