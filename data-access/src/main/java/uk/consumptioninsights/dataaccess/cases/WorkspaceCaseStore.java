package uk.consumptioninsights.dataaccess.cases;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import uk.consumptioninsights.dataaccess.query.JdbcParameters;
import uk.consumptioninsights.dataaccess.query.SqlDialect;
import uk.consumptioninsights.dataaccess.query.SqlQuery;
import uk.consumptioninsights.dataaccess.workspace.LocalQueryEngine;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.cases.CaseActivity;
import uk.consumptioninsights.model.cases.CaseMeter;
import uk.consumptioninsights.model.cases.CaseReport;

/**
 * Cases in the local workspace's {@code gold.case_reports}, {@code gold.case_activity} and
 * {@code gold.case_report_mpans} (created with the schema, case-tables.sql). A change and its trail entries commit
 * together in one DuckDB transaction; the update's {@code WHERE version = ?} and DuckDB's own write-write conflict
 * detection keep two connections (two windows, two stores) from overwriting each other.
 */
public final class WorkspaceCaseStore extends VersionedCaseStore {

    private static final SqlDialect DIALECT = new SqlDialect.DuckDb();

    private final LocalWorkspace workspace;

    public WorkspaceCaseStore(LocalWorkspace workspace, String actor, Clock clock) {
        super(new LocalQueryEngine(workspace), new CaseTables(DIALECT, "gold"), actor, clock);
        this.workspace = workspace;
    }

    /** One lock per workspace file: every store on it in this process (DuckDB lets no other process open it). */
    private static final ConcurrentMap<Path, Object> WRITE_LOCKS = new ConcurrentHashMap<>();

    @Override
    <T> T exclusively(Supplier<T> update) {
        synchronized (WRITE_LOCKS.computeIfAbsent(workspace.file().toAbsolutePath().normalize(), file -> new Object())) {
            return update.get();
        }
    }

    /** The store as the app uses it: the trail names the OS user. */
    public static WorkspaceCaseStore forOsUser(LocalWorkspace workspace) {
        return new WorkspaceCaseStore(workspace, System.getProperty("user.name", "unknown"), Clock.systemUTC());
    }

    @Override
    String place() {
        return "the local workspace";
    }

    @Override
    void writeRaised(CaseReport report, List<CaseActivity> entries, String writeId) throws SQLException {
        CaseTables tables = tables();
        List<SqlQuery> statements = new ArrayList<>();
        if (report.meter() instanceof CaseMeter.MpanMeter mpan) {
            statements.add(tables.insertMpan(report.id(), mpan.mpan()));
        }
        statements.add(new SqlQuery("case_insert", "save the new case", tables.reports(), "INSERT INTO "
                + tables.reports() + " (" + CaseTables.ROW_COLUMNS + ") " + tables.rowSelect(),
                CaseTables.rowValues(report, writeId)));
        statements.add(tables.insertActivity(entries));
        try (Connection c = workspace.newConnection()) {
            inTransaction(c, () -> {
                for (SqlQuery statement : statements) {
                    execute(c, statement);
                }
                return null;
            });
        }
    }

    @Override
    void writeRevision(CaseReport revised, long versionRead, List<CaseActivity> entries, String writeId)
            throws SQLException, VersionMoved {
        CaseTables tables = tables();
        SqlQuery update = new SqlQuery("case_update", "save the case", tables.reports(), "UPDATE " + tables.reports()
                + " SET title = ?, category = ?, priority = ?, assignee = NULLIF(?, ''), description = ?, status = ?, "
                + "version = ?, updated_at_utc = " + DIALECT.timestampOfEpochMillis("?") + ", updated_by = ?, "
                + "write_id = ? WHERE case_id = ? AND version = ?",
                List.of(revised.title(), revised.category().code(), revised.priority().code(),
                        revised.assignee().orElse(""), revised.description(), revised.status().code(),
                        revised.version(), revised.updatedAt().toEpochMilli(), revised.updatedBy(), writeId,
                        revised.id().value(), versionRead));
        try (Connection c = workspace.newConnection()) {
            boolean written = inTransaction(c, () -> {
                if (execute(c, update) != 1) {
                    return false;
                }
                execute(c, tables.insertActivity(entries));
                return true;
            });
            if (!written) {
                throw new VersionMoved();
            }
        }
    }

    private interface Work {
        Boolean run() throws SQLException;
    }

    /** Commits when {@code work} answers true (or null), rolls back otherwise and on any failure. */
    private static boolean inTransaction(Connection c, Work work) throws SQLException {
        c.setAutoCommit(false);
        try {
            Boolean done = work.run();
            if (Boolean.FALSE.equals(done)) {
                c.rollback();
                return false;
            }
            c.commit();
            return true;
        } catch (SQLException | RuntimeException e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private static int execute(Connection c, SqlQuery statement) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(statement.sql())) {
            JdbcParameters.bind(ps, statement);
            return ps.executeUpdate();
        }
    }
}
