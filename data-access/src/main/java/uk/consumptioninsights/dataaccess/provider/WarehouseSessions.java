package uk.consumptioninsights.dataaccess.provider;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import uk.consumptioninsights.dataaccess.provider.failure.ProviderFailure;

/**
 * Warehouse sessions kept open between queries: opening one costs seconds (discovery, sign-in, session), and the tabs
 * query in parallel, so a few idle sessions are reused and each query has one to itself.
 */
public final class WarehouseSessions implements AutoCloseable {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final int MAX_IDLE = 3;

    private final ProviderConnector connector;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    public WarehouseSessions(ProviderConnector connector) {
        this.connector = connector;
    }

    public ProviderConnector connector() {
        return connector;
    }

    /** Runs {@code work} on a session; a session that failed is closed rather than reused. */
    public <T> T with(Work<T> work) {
        Connection connection = borrow();
        boolean healthy = false;
        try {
            T result = work.run(connection);
            healthy = true;
            return result;
        } catch (SQLException e) {
            throw new ProviderException(ProviderFailure.classify(e));
        } finally {
            giveBack(connection, healthy);
        }
    }

    private Connection borrow() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The warehouse connection is closed");
            }
            Connection reused = idle.pollFirst();
            if (reused != null) {
                return reused;
            }
        }
        return connector.open();
    }

    private void giveBack(Connection connection, boolean healthy) {
        synchronized (this) {
            if (healthy && !closed && idle.size() < MAX_IDLE) {
                idle.addFirst(connection);
                return;
            }
        }
        closeQuietly(connection);
    }

    @Override
    public void close() {
        Deque<Connection> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayDeque<>(idle);
            idle.clear();
        }
        toClose.forEach(WarehouseSessions::closeQuietly);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException | RuntimeException ignored) {
            // Closing an abandoned session: the warehouse expires it anyway.
        }
    }
}
