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
 * A response body that gives up when no data arrives for a while, or when the whole call runs past its deadline.
 * Java's request timeout only covers the wait for the response headers, so a body that stalls halfway, or that a
 * server sends a byte at a time, would otherwise keep the call alive forever; here the stream is closed and the read
 * fails with a timeout (never a quiet end of stream, which could pass for a complete answer).
 */
public final class StallGuard extends FilterInputStream {

    /** One timer thread for every guarded stream. */
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "delta-sharing-stall-guard");
        thread.setDaemon(true);
        return thread;
    });

    /** Why the stream was closed under the reader. */
    private enum Reason { NONE, STALLED, PAST_DEADLINE }

    private final long idleNanos;
    private final Duration deadline;
    private final long deadlineAt;
    private final ScheduledFuture<?> check;
    private volatile long lastActivity = System.nanoTime();
    private volatile Reason reason = Reason.NONE;

    /**
     * @param idle         how long the body may go without any data
     * @param deadline     how long the whole call may take
     * @param startedNanos when the call began ({@link System#nanoTime()}), before the wait for the headers
     */
    public StallGuard(InputStream in, Duration idle, Duration deadline, long startedNanos) {
        super(in);
        this.idleNanos = idle.toNanos();
        this.deadline = deadline;
        this.deadlineAt = startedNanos + deadline.toNanos();
        long shortest = Math.min(idle.toMillis(), deadline.toMillis());
        long period = Math.max(50, Math.min(1000, shortest / 4));
        this.check = TIMER.scheduleAtFixedRate(this::checkActivity, period, period, TimeUnit.MILLISECONDS);
    }

    private void checkActivity() {
        if (reason != Reason.NONE) {
            return;
        }
        long now = System.nanoTime();
        if (now - deadlineAt >= 0) {
            closeUnderReader(Reason.PAST_DEADLINE);
        } else if (now - lastActivity > idleNanos) {
            closeUnderReader(Reason.STALLED);
        }
    }

    private void closeUnderReader(Reason why) {
        reason = why;
        try {
            in.close();
        } catch (IOException e) {
            // Closing only serves to wake the blocked reader; the read below reports why.
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
        checkDeadline();
        try {
            return in.read();
        } catch (IOException e) {
            throw reason != Reason.NONE ? timeout() : e;
        }
    }

    private int readRaw(byte[] buffer, int offset, int length) throws IOException {
        checkDeadline();
        try {
            return in.read(buffer, offset, length);
        } catch (IOException e) {
            throw reason != Reason.NONE ? timeout() : e;
        }
    }

    /** A reader that never blocks (data keeps coming) must still stop at the deadline. */
    private void checkDeadline() throws HttpTimeoutException {
        if (reason == Reason.NONE && System.nanoTime() - deadlineAt >= 0) {
            closeUnderReader(Reason.PAST_DEADLINE);
        }
        if (reason != Reason.NONE) {
            throw timeout();
        }
    }

    private int guarded(int result) throws IOException {
        if (reason != Reason.NONE) {
            throw timeout();
        }
        lastActivity = System.nanoTime();
        return result;
    }

    private HttpTimeoutException timeout() {
        if (reason == Reason.PAST_DEADLINE) {
            return new CallDeadlineExceeded(deadline);
        }
        return new HttpTimeoutException("no data for " + Duration.ofNanos(idleNanos).toSeconds() + " s");
    }

    @Override
    public void close() throws IOException {
        check.cancel(false);
        super.close();
    }
}
