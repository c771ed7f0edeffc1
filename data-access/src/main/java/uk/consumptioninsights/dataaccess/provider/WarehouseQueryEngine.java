package uk.consumptioninsights.dataaccess.provider;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import uk.consumptioninsights.dataaccess.query.JdbcParameters;
import uk.consumptioninsights.dataaccess.query.QueryEngine;
import uk.consumptioninsights.dataaccess.query.ResultReader;
import uk.consumptioninsights.dataaccess.query.SqlDialect;
import uk.consumptioninsights.dataaccess.query.SqlQuery;
import uk.consumptioninsights.dataaccess.source.SourceException;

/** The catalog on a Databricks SQL warehouse: prepared statements with {@code ?} only, each under the query watchdog. */
public final class WarehouseQueryEngine implements QueryEngine, AutoCloseable {

    private static final SqlDialect DIALECT = new SqlDialect.DatabricksSql();

    private final WarehouseSessions sessions;
    private final QueryWatchdog watchdog = new QueryWatchdog(Duration.ofSeconds(5));
    private final Duration queryTimeout;

    public WarehouseQueryEngine(WarehouseSessions sessions) {
        this.sessions = sessions;
        this.queryTimeout = sessions.connector().settings().queryTimeout();
    }

    @Override
    public SqlDialect dialect() {
        return DIALECT;
    }

    @Override
    public <T> T run(SqlQuery query, ResultReader<T> reader) {
        try {
            return sessions.with(connection -> {
                try (PreparedStatement ps = connection.prepareStatement(query.sql());
                     QueryWatchdog.Guard guard = watchdog.watch(ps, queryTimeout)) {
                    JdbcParameters.bind(ps, query);
                    try (ResultSet rs = ps.executeQuery()) {
                        return reader.read(rs);
                    }
                }
            });
        } catch (ProviderException e) {
            throw new SourceException("Could not " + query.task() + " from the Databricks warehouse. "
                    + e.failure().message(), e);
        }
    }

    @Override
    public void close() {
        watchdog.close();
        sessions.close();
    }
}
