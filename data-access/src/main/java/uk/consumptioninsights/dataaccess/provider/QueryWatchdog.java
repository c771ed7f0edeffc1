package uk.consumptioninsights.dataaccess.provider;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Query timeouts and cancel for provider statements. The driver's own {@code setQueryTimeout} is set, but it is not
 * honoured when a status poll stalls (#1572) or on metadata calls (#1569), so a watchdog also cancels the statement
 * a little after the timeout.
 */
public final class QueryWatchdog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueryWatchdog.class);

    private final ScheduledExecutorService timer;
    private final Duration grace;

    public QueryWatchdog(Duration grace) {
        this.grace = Objects.requireNonNull(grace, "grace");
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "provider-query-watchdog");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Arms the timeout on a statement before it runs; close the returned guard when the statement finishes. */
    public Guard watch(Statement statement, Duration timeout) throws SQLException {
        Objects.requireNonNull(statement, "statement");
        statement.setQueryTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toSeconds())));
        Guard guard = new Guard(statement);
        guard.deadline = timer.schedule(guard::expire, timeout.plus(grace).toMillis(), TimeUnit.MILLISECONDS);
        return guard;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One watched statement: cancel it on request, and learn whether the watchdog had to step in. */
    public static final class Guard implements AutoCloseable {
        private final Statement statement;
        private final AtomicBoolean timedOut = new AtomicBoolean();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile ScheduledFuture<?> deadline;

        private Guard(Statement statement) {
            this.statement = statement;
        }

        /** The user's Cancel: asks the driver to cancel the running statement (it then fails with a cancel error). */
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                cancelQuietly();
            }
        }

        public boolean timedOut() {
            return timedOut.get();
        }

        public boolean cancelled() {
            return cancelled.get();
        }

        private void expire() {
            timedOut.set(true);
            cancel();
        }

        private void cancelQuietly() {
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Cancelling a provider statement failed: {}", e.getMessage());
            }
        }

        @Override
        public void close() {
            ScheduledFuture<?> pending = deadline;
            if (pending != null) {
                pending.cancel(false);
            }
        }
    }
}
