package uk.consumptioninsights.dataaccess.workspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.query.CatalogConsumptionSource;
import uk.consumptioninsights.dataaccess.query.ConsumptionQueries;
import uk.consumptioninsights.dataaccess.query.QueryEngine;
import uk.consumptioninsights.dataaccess.query.SqlQuery;
import uk.consumptioninsights.dataaccess.source.Provenance;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceKind;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The local DuckDB workspace (or a recipient's copy of a share) as a {@link ConsumptionSource}: the query catalog in
 * the DuckDB dialect over the workspace's {@code gold} purpose views.
 */
public final class WorkspaceConsumptionSource extends CatalogConsumptionSource {

    /** meta.workspace_info kind of a recipient's copy of a share. */
    public static final String RECIPIENT_KIND = "recipient";

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceConsumptionSource.class);

    private final QueryEngine engine;
    private final WorkspaceAuditLog auditLog;
    private final SourceDescriptor descriptor;
    private final List<PurposeRole> roles;

    public WorkspaceConsumptionSource(LocalWorkspace workspace) {
        super(ConsumptionQueries.localWorkspace());
        this.engine = new LocalQueryEngine(workspace);
        this.auditLog = new WorkspaceAuditLog(workspace);
        this.descriptor = describe(workspace);
        // A recipient's copy of a share answers for the Recipient purpose only: that is all the provider granted.
        this.roles = descriptor.kind() == SourceKind.RECIPIENT ? List.of(PurposeRole.RECIPIENT) : List.of(PurposeRole.values());
    }

    private static SourceDescriptor describe(LocalWorkspace workspace) {
        Map<String, String> info;
        try {
            info = workspace.info();
        } catch (SQLException e) {
            throw LocalQueryEngine.failure("read the workspace description", e);
        }
        Path file = workspace.file().toAbsolutePath();
        String name;
        boolean recipient = RECIPIENT_KIND.equals(info.get("kind"));
        long flagged = flaggedReadings(workspace, recipient);
        long ending = metersEndingEarly(workspace, recipient);
        if (recipient) {
            return new SourceDescriptor(SourceKind.RECIPIENT, "Share " + info.getOrDefault("share", "?") + " ("
                    + info.getOrDefault("consumption_table", "?") + ", version " + info.getOrDefault("consumption_version", "?")
                    + ")", info.getOrDefault("endpoint", file.toString()), flagged, ending);
        }
        if ("imported".equals(info.get("kind"))) {
            name = "Imported " + info.getOrDefault("source_file", file.getFileName().toString());
        } else if ("octopus".equals(info.get("kind"))) {
            // Named by the meter serial: the descriptor is shown to every purpose, the MPAN only to Settlement.
            name = "Octopus meter " + info.getOrDefault("octopus_meter", "?")
                    + (info.containsKey("readings_to_utc") ? " (readings to " + info.get("readings_to_utc") + ")" : "");
        } else {
            String meters = info.get("meters");
            name = "Synthetic workspace" + (meters == null ? ""
                    : " (" + NumberFormat.getIntegerInstance(Locale.UK).format(Long.parseLong(meters)) + " meters, "
                    + info.get("first_day") + " to " + info.get("last_day") + ")");
        }
        return new SourceDescriptor(SourceKind.LOCAL_WORKSPACE, name, file.toString(), flagged, ending);
    }

    /**
     * A local workspace counts from its meter-day rollup (a scan of every reading took 2 s at 20,000 meters); a
     * recipient's copy has no rollups, so it counts its readings.
     */
    private static long flaggedReadings(LocalWorkspace workspace, boolean recipient) {
        String sql = recipient ? "SELECT count(*) FROM gold.flagged_readings"
                : "SELECT coalesce(sum(periods_flagged), 0) FROM gold.consumption_daily";
        return count(workspace, sql, "count the readings flagged as implausible");
    }

    /**
     * Meters whose last settlement day with any reading (plausible or flagged) lies more than
     * {@value SourceDescriptor#DATA_ENDS_DAYS} days before the source's last one: from the meter-day rollup locally,
     * from the readings in a recipient's copy.
     */
    private static long metersEndingEarly(LocalWorkspace workspace, boolean recipient) {
        String lastDays = recipient
                ? "SELECT mpan, max(settlement_date) AS last_day FROM (SELECT mpan, settlement_date FROM "
                        + "gold.consumption_half_hourly UNION ALL SELECT mpan, settlement_date FROM gold.flagged_readings) GROUP BY mpan"
                : "SELECT meter_id, max(settlement_date) AS last_day FROM gold.consumption_daily GROUP BY meter_id";
        String sql = "WITH last AS (" + lastDays + ") SELECT count(*) FROM last WHERE last_day < (SELECT max(last_day) FROM last) - "
                + SourceDescriptor.DATA_ENDS_DAYS;
        return count(workspace, sql, "find the meters whose readings end early");
    }

    private static long count(LocalWorkspace workspace, String sql, String what) {
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw LocalQueryEngine.failure(what, e);
        }
    }

    @Override
    public SourceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<PurposeRole> roles() {
        return roles;
    }

    @Override
    protected QueryEngine engine() {
        return engine;
    }

    /** Best effort: the figure was read correctly, so a log that cannot be written must not lose it. */
    @Override
    protected void recordRead(PurposeRole role, SqlQuery query, Provenance provenance) {
        try {
            auditLog.read(role, provenance.relation(), provenance.rowsRead());
        } catch (RuntimeException e) {
            LOG.warn("Could not record the read of {} in the audit log", provenance.relation(), e);
        }
    }
}
