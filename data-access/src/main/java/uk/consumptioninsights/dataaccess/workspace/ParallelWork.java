package uk.consumptioninsights.dataaccess.workspace;

import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waits for work run on another thread and rethrows its failure as it was thrown there. */
public final class ParallelWork {

    private ParallelWork() {
    }

    /** Wraps a checked database failure so it can leave a lambda run by {@link CompletableFuture}. */
    public static CompletionException wrap(SQLException e) {
        return new CompletionException(e);
    }

    public static <T> T join(CompletableFuture<T> work) throws SQLException {
        try {
            return work.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
