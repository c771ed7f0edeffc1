package uk.consumptioninsights.dataaccess.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.query.QueryEngine;
import uk.consumptioninsights.dataaccess.query.ResultReader;
import uk.consumptioninsights.dataaccess.query.SqlDialect;
import uk.consumptioninsights.dataaccess.query.SqlQuery;
import uk.consumptioninsights.dataaccess.query.JdbcParameters;

/** The catalog on the local DuckDB workspace: a short-lived connection per statement. */
public final class LocalQueryEngine implements QueryEngine {

    private static final Logger LOG = LoggerFactory.getLogger(LocalQueryEngine.class);
    private static final SqlDialect DIALECT = new SqlDialect.DuckDb();

    private final LocalWorkspace workspace;

    public LocalQueryEngine(LocalWorkspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public SqlDialect dialect() {
        return DIALECT;
    }

    @Override
    public <T> T run(SqlQuery query, ResultReader<T> reader) {
        try (Connection c = workspace.newConnection();
             PreparedStatement ps = c.prepareStatement(query.sql())) {
            JdbcParameters.bind(ps, query);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        } catch (SQLException e) {
            throw failure(query.task(), e);
        }
    }

    public static SourceException failure(String task, SQLException e) {
        LOG.warn("Local workspace query failed while trying to {}", task, e);
        return new SourceException("Could not " + task + " from the local workspace. The workspace file may be damaged "
                + "or in use by another copy of the workbench; close other copies, or rebuild the workspace.", e);
    }
}
