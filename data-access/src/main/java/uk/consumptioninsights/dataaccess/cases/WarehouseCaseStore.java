package uk.consumptioninsights.dataaccess.cases;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import uk.consumptioninsights.dataaccess.provider.ProviderException;
import uk.consumptioninsights.dataaccess.provider.WarehouseConsumptionSource;
import uk.consumptioninsights.dataaccess.provider.WarehouseQueryEngine;
import uk.consumptioninsights.dataaccess.provider.WarehouseSessions;
import uk.consumptioninsights.dataaccess.query.JdbcParameters;
import uk.consumptioninsights.dataaccess.query.SqlDialect;
import uk.consumptioninsights.dataaccess.query.SqlQuery;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.cases.CaseActivity;
import uk.consumptioninsights.model.cases.CaseMeter;
import uk.consumptioninsights.model.cases.CaseReport;

/**
 * Cases in the provider's Unity Catalog: {@code gold.case_reports}, {@code gold.case_activity} and
 * {@code gold.case_report_mpans}, created and granted by notebooks/07_case_reports.sql. Delta has no multi-statement
 * transactions, so a case row is written with one {@code MERGE} that only matches the version the analyst read, and
 * the row is read back: it carries the id of the write that made it, so a write that did not happen (someone else's
 * version is there) is told apart from one that did without relying on a driver's affected-row count. Delta's own
 * concurrency control refuses the second of two MERGEs racing on the same files, which ends as the same conflict.
 * The trail entries follow the case row; should that append fail, the case is saved and the error says so.
 */
public final class WarehouseCaseStore extends VersionedCaseStore {

    private static final SqlDialect DIALECT = new SqlDialect.DatabricksSql();

    private final WarehouseSessions sessions;

    /**
     * @param sessions  the provider source's sessions ({@link WarehouseConsumptionSource#sessions()})
     * @param namespace the quoted catalog.schema of the gold tables ({@link WarehouseConsumptionSource#namespace})
     * @param actor     the signed-in identity, as the warehouse resolves it ({@link #signedIn})
     */
    public WarehouseCaseStore(WarehouseSessions sessions, String namespace, String actor, Clock clock) {
        super(new WarehouseQueryEngine(sessions), new CaseTables(DIALECT, namespace), actor, clock);
        this.sessions = sessions;
    }

    /** The store as the app uses it: the trail names whom the warehouse says is signed in ({@code current_user()}). */
    public static WarehouseCaseStore signedIn(WarehouseSessions sessions) {
        String user;
        try {
            user = sessions.with(connection -> {
                try (Statement st = connection.createStatement();
                     ResultSet rs = st.executeQuery("SELECT current_user()")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
        } catch (ProviderException e) {
            throw new SourceException("Could not ask the Databricks warehouse who is signed in. "
                    + e.failure().message(), e);
        }
        return new WarehouseCaseStore(sessions, WarehouseConsumptionSource.namespace(sessions.connector().settings()),
                user, Clock.systemUTC());
    }

    @Override
    String place() {
        return "the Databricks warehouse";
    }

    @Override
    void writeRaised(CaseReport report, List<CaseActivity> entries, String writeId) throws SQLException {
        CaseTables tables = tables();
        String sourceColumns = Arrays.stream(CaseTables.ROW_COLUMNS.split(", ")).map(c -> "s." + c)
                .collect(Collectors.joining(", "));
        // MERGE rather than INSERT: a retried raise (same random id) cannot make a second row.
        SqlQuery merge = new SqlQuery("case_raise", "save the new case", tables.reports(), "MERGE INTO "
                + tables.reports() + " AS t USING (" + tables.rowSelect() + ") AS s ON t.case_id = s.case_id "
                + "WHEN NOT MATCHED THEN INSERT (" + CaseTables.ROW_COLUMNS + ") VALUES (" + sourceColumns + ")",
                CaseTables.rowValues(report, writeId));
        run(connection -> {
            // The MPAN first: a case row pointing at a missing MPAN would read as withheld even under Settlement.
            if (report.meter() instanceof CaseMeter.MpanMeter mpan) {
                execute(connection, tables.insertMpan(report.id(), mpan.mpan()));
            }
            execute(connection, merge);
            if (!writtenBy(connection, report, writeId)) {
                throw new SQLException("another case already has id " + report.id());
            }
            appendTrail(connection, entries);
            return null;
        });
    }

    @Override
    void writeRevision(CaseReport revised, long versionRead, List<CaseActivity> entries, String writeId)
            throws SQLException, VersionMoved {
        CaseTables tables = tables();
        List<Object> parameters = new ArrayList<>(CaseTables.rowValues(revised, writeId));
        parameters.add(versionRead);
        // The meter, the link, who raised it and when are fixed at raising: never rewritten here.
        SqlQuery merge = new SqlQuery("case_update", "save the case", tables.reports(), "MERGE INTO "
                + tables.reports() + " AS t USING (" + tables.rowSelect() + ") AS s ON t.case_id = s.case_id "
                + "WHEN MATCHED AND t.version = ? THEN UPDATE SET title = s.title, category = s.category, "
                + "priority = s.priority, assignee = s.assignee, description = s.description, status = s.status, "
                + "version = s.version, updated_at_utc = s.updated_at_utc, updated_by = s.updated_by, "
                + "write_id = s.write_id", parameters);
        boolean written = run(connection -> {
            execute(connection, merge);
            if (!writtenBy(connection, revised, writeId)) {
                return false;
            }
            appendTrail(connection, entries);
            return true;
        });
        if (!written) {
            throw new VersionMoved();
        }
    }

    private void appendTrail(Connection connection, List<CaseActivity> entries) throws SQLException {
        try {
            execute(connection, tables().insertActivity(entries));
        } catch (SQLException e) {
            throw new SourceException("The case was saved, but its activity entry could not be recorded: "
                    + e.getMessage().lines().findFirst().orElse("") + ". Note the change in the case's description.", e);
        }
    }

    /** Whether the stored row is the one this write made. */
    private boolean writtenBy(Connection connection, CaseReport report, String writeId) throws SQLException {
        SqlQuery readBack = new SqlQuery("case_write_check", "check the saved case", tables().reports(),
                "SELECT write_id FROM " + tables().reports() + " WHERE case_id = ?", List.of(report.id().value()));
        try (PreparedStatement ps = connection.prepareStatement(readBack.sql())) {
            JdbcParameters.bind(ps, readBack);
            try (ResultSet rs = ps.executeQuery()) {
                Optional<String> stored = CaseTables.writeIdOf(rs);
                return stored.filter(writeId::equals).isPresent();
            }
        }
    }

    /** Runs on one session; a warehouse failure comes back as the SQLException it was, for the conflict check. */
    private <T> T run(WarehouseSessions.Work<T> work) throws SQLException {
        try {
            return sessions.with(work);
        } catch (ProviderException e) {
            throw new SQLException(e.failure().message(), e);
        }
    }

    private static void execute(Connection connection, SqlQuery statement) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(statement.sql())) {
            JdbcParameters.bind(ps, statement);
            // execute, not executeUpdate: Databricks answers a MERGE with a row of counts.
            ps.execute();
        }
    }
}
